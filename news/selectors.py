from wagtail.models import Page

from .models import DecisionBriefingPage, NewsArticlePage


def latest_news(*, limit, district=None, locale=None):
    articles = NewsArticlePage.objects.live().public()
    if locale is not None:
        articles = articles.filter(locale=locale)
    if district is not None:
        articles = articles.filter(district=district)
    return (
        articles.select_related("listing_image", "image")
        .prefetch_related("listing_image__renditions", "image__renditions")
        .order_by("-date", "-pk")[:limit]
    )


def upcoming_briefings(*, limit, district=None, locale=None):
    briefings = (
        DecisionBriefingPage.objects.live()
        .public()
        .filter(status=DecisionBriefingPage.Status.UPCOMING)
    )
    if locale is not None:
        briefings = briefings.filter(locale=locale)
    if district is not None:
        briefings = briefings.filter(district=district)
    return briefings.order_by("decision_date", "pk")[:limit]


def is_members_only(page: Page) -> bool:
    return page.get_view_restrictions().exists()
