from core.selectors import in_language, visible_to
from home.selectors import in_district_q, on_topic_q

from .models import DecisionBriefingPage, NewsArticlePage


def latest_news(*, limit, user=None, district=None, topic=None, locale=None):
    articles = visible_to(NewsArticlePage.objects.live(), user)
    if locale is not None:
        articles = in_language(articles, locale)
    if district is not None:
        articles = articles.filter(in_district_q(district))
    if topic is not None:
        articles = articles.filter(on_topic_q(topic)).distinct()
    return (
        articles.select_related("listing_image", "image")
        .prefetch_related("listing_image__renditions", "image__renditions")
        .order_by("-date", "-pk")[:limit]
    )


def latest_briefings(*, limit, user=None, topic=None, locale=None):
    """Briefings of any status, the latest decision first."""
    briefings = visible_to(DecisionBriefingPage.objects.live(), user)
    if locale is not None:
        briefings = in_language(briefings, locale)
    if topic is not None:
        briefings = briefings.filter(on_topic_q(topic)).distinct()
    return briefings.order_by("-decision_date", "-pk")[:limit]


def upcoming_briefings(*, limit, user=None, district=None, locale=None):
    briefings = visible_to(DecisionBriefingPage.objects.live(), user).filter(
        status=DecisionBriefingPage.Status.UPCOMING
    )
    if locale is not None:
        briefings = in_language(briefings, locale)
    if district is not None:
        briefings = briefings.filter(in_district_q(district))
    return briefings.order_by("decision_date", "pk")[:limit]
