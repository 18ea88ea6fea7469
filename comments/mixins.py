"""What a page type needs to take comments: the mixin and its settings panel."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .models import CommentableBase
from .selectors import CommentThread


class CommentableMixin(CommentableBase):
    """Comment settings on the page, and its thread in the page's context."""

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["comment_thread"] = CommentThread(page=self, request=request)
        return context


def comments_panel():
    return MultiFieldPanel(
        [FieldPanel("comments_mode"), FieldPanel("moderation")],
        heading=_("Comments"),
    )
