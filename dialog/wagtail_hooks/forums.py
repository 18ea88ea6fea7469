"""Forums on a topic page."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..selectors.forums import forums_on


@hooks.register("topic_page_sections")
def topic_forums(request, topic, locale):
    return {
        "order": 50,
        "title": _("Forums"),
        "template": "dialog/includes/forum_section.html",
        "items": forums_on(topic=topic, limit=6, user=request.user, locale=locale),
    }
