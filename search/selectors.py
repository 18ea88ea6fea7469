"""Site search: which pages match, best first.

On PostgreSQL the words are looked up in Wagtail's index table, where the
``title`` and ``body`` vectors each have a GIN index: Wagtail's own query
matches ``title || body``, a concatenation no index covers, so it reads every
entry. A word in the title counts ten times a word in the text, so a title word
ranks its page first. Elsewhere (SQLite in development and tests) Wagtail's
search does the work.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Max, Q
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.models import IndexEntry

TITLE_WEIGHT = 10


class RankedPages:
    """Matching pages in rank order, made specific only for the page shown."""

    def __init__(self, ids: list[int]):
        self.ids = ids

    def count(self) -> int:
        return len(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
        return [pages[pk] for pk in ids if pk in pages]


def page_search(*, terms: str, pages):
    """The pages of ``pages`` that contain every word of ``terms``, best first.

    First the matching index entries, ranked (GIN indexes, a few ms); then which
    of them ``pages`` allows. Joined in one query, PostgreSQL misjudges the page
    filter (``public()`` adds one ``NOT LIKE`` per restricted page) and probes
    the index once per page: a second at 10,000 pages.
    """
    if connection.vendor != "postgresql":
        return pages.search(terms, operator="and")
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    query = SearchQuery(terms, config=config, search_type="plain")
    ranked = (
        IndexEntry.objects.filter(
            Q(title=query) | Q(body=query),
            content_type_id__in=get_descendants_content_types_pks(Page),
        )
        .values("object_id")
        .annotate(
            rank=Max(
                SearchRank(F("title"), query) * TITLE_WEIGHT
                + SearchRank(F("body"), query)
            )
        )
        .order_by("-rank", "object_id")
        .values_list("object_id", flat=True)
    )
    ids = [int(object_id) for object_id in ranked]
    allowed = set(pages.filter(pk__in=ids).order_by().values_list("pk", flat=True))
    return RankedPages([pk for pk in ids if pk in allowed])
