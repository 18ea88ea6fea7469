from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from ..models import DecisionBriefingPage
from ..selectors import latest_briefings, latest_news, upcoming_briefings
from ..services import briefing_audience_sync


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def restrict_members_only_draft(request, page):
    """Restrict as soon as a draft says members-only; lifting waits for publishing."""
    if isinstance(page.specific, DecisionBriefingPage):
        briefing_audience_sync(page=page.specific, tighten_only=True)


@hooks.register("home_page_sections")
def home_latest_news(request, page):
    return {
        "order": 20,
        "title": _("Latest news"),
        "template": "news/includes/news_section.html",
        "items": latest_news(limit=6, user=request.user, locale=page.locale),
    }


@hooks.register("district_page_sections")
def district_news(request, page):
    return {
        "order": 20,
        "title": _("News from the district"),
        "template": "news/includes/news_section.html",
        "items": latest_news(
            limit=6, user=request.user, district=page, locale=page.locale
        ),
    }


@hooks.register("district_page_sections")
def district_briefings(request, page):
    return {
        "order": 30,
        "title": _("Upcoming decisions in the district"),
        "template": "news/includes/briefing_section.html",
        "items": upcoming_briefings(
            limit=4, user=request.user, district=page, locale=page.locale
        ),
    }


@hooks.register("home_featured_page_types")
def featured_briefing():
    """The home page can feature a briefing (``HomePage.featured_briefing``)."""
    return DecisionBriefingPage, "news/includes/featured_briefing.html"


@hooks.register("topic_page_sections")
def topic_briefings(request, topic, locale):
    return {
        "order": 10,
        "title": _("Decision briefings"),
        "template": "news/includes/briefing_section.html",
        "items": latest_briefings(
            limit=6, user=request.user, topic=topic, locale=locale
        ),
        "links": [
            (
                _("News feed (RSS)"),
                reverse("news:feed_topic_rss", args=[topic.slug]),
            ),
            (
                _("News feed (Atom)"),
                reverse("news:feed_topic_atom", args=[topic.slug]),
            ),
        ],
    }


@hooks.register("topic_page_sections")
def topic_news(request, topic, locale):
    return {
        "order": 20,
        "title": _("News"),
        "template": "news/includes/news_section.html",
        "items": latest_news(limit=6, user=request.user, topic=topic, locale=locale),
    }
