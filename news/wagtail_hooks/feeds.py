"""News feeds list pages: a page's purge drops them too."""

from wagtail import hooks

from core.caching import paths_in_every_language

FEEDS = ["feed_news_rss", "feed_news_atom", "feed_briefings_rss", "feed_briefings_atom"]


@hooks.register("purge_urls")
def feeds_listing_page(page):
    """The news feeds that may list ``page``: all, its district's, its topics'."""
    specific = page.specific_deferred
    names = [(f"news:{name}", []) for name in FEEDS]
    district = getattr(specific, "district", None)
    if district is not None:
        for name in ("feed_district_rss", "feed_district_atom"):
            names.append((f"news:{name}", [district.slug]))
    topics = getattr(specific, "topics", None)
    if topics is not None:
        for slug in topics.values_list("slug", flat=True):
            for name in ("feed_topic_rss", "feed_topic_atom"):
                names.append((f"news:{name}", [slug]))
    return paths_in_every_language(names)
