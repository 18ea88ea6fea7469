"""Site search: which pages match, best first.

With Wagtail's database backend on PostgreSQL (the default) the words are
looked up in Wagtail's index table, where the ``title`` and ``body`` vectors
each have a GIN index: Wagtail's own query matches ``title || body``, a
concatenation no index covers, so it reads every entry. A word in the title
counts ten times a word in the text, so a title word ranks its page first.
With any other configured backend (OpenSearch through ``SEARCH_URL``, SQLite's
FTS5 in development and tests) that backend does the work: its index, not the
database's, answers.
"""

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection, transaction
from django.db.models import BooleanField, F, Max, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.utils import get_descendants_content_types_pks
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from core.caching import lists_version
from core.selectors import audience_key

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


def search_results_key(request, query: str) -> str:
    """What the cached results section of a search depends on.

    The query as shown, the page number, who may see which pages
    (``audience_key``: members-only pages never reach a visitor's fragment),
    the language, the host (page links) and ``lists_version``, which every
    page publish, unpublish, move or restriction change bumps.
    """
    return "\n".join(
        [
            lists_version(),
            audience_key(request.user),
            get_language() or "",
            request.get_host(),
            request.GET.get("page", "1"),
            query,
        ]
    )


def page_search(*, terms: str, pages):
    """The pages of ``pages`` that contain every word of ``terms``, best first.

    First the matching index entries, ranked (GIN indexes, a few ms); then which
    of them ``pages`` allows. Joined in one query, PostgreSQL misjudges the page
    filter and probes the index once per page: a second at 10,000 pages.
    """
    if not database_index_in_use():
        # Wagtail's search backends take only plain field filters, not the
        # visibility filter: rank the pages, then keep those ``pages`` allows.
        backend = get_search_backend()
        ids = [page.pk for page in backend.search(terms, Page, operator="and")]
        return RankedPages(_allowed(pages, ids))
    config = settings.WAGTAILSEARCH_BACKENDS["default"].get("SEARCH_CONFIG")
    query = SearchQuery(terms, config=config, search_type="plain")
    ranked = (
        IndexEntry.objects.filter(Q(title=query) | Q(body=query))
        .values("content_type_id", "object_id")
        .annotate(
            rank=Max(
                SearchRank(F("title"), query) * TITLE_WEIGHT
                + SearchRank(F("body"), query)
            )
        )
        .order_by("-rank", "object_id")
        .values_list("content_type_id", "object_id")
    )
    page_types = set(get_descendants_content_types_pks(Page))
    with transaction.atomic(), connection.cursor() as cursor:
        # Only the GIN indexes keep this fast: a word on a quarter of the pages
        # made PostgreSQL read every entry and unpack each body vector (0.3 s
        # under load, 30 ms through the indexes). The planner does not price the
        # unpacking, so it is told; the content types are therefore checked
        # here, not in SQL, where their index was the planner's other wrong turn.
        cursor.execute("SET LOCAL enable_seqscan = off")
        ids = [
            int(object_id)
            for content_type_id, object_id in ranked
            if content_type_id in page_types
        ]
        cursor.execute("SET LOCAL enable_seqscan = on")
    return RankedPages(_allowed(pages, ids))


def database_index_in_use() -> bool:
    """Whether the configured search backend is Wagtail's PostgreSQL one,
    whose index table ``page_search`` reads directly."""
    return connection.vendor == "postgresql" and isinstance(
        get_search_backend(), PostgresSearchBackend
    )


def _allowed(pages, ids: list[int]) -> list[int]:
    """``ids`` in their order, less those not in ``pages``."""
    if connection.vendor == "postgresql":
        # One array parameter: ``pk__in`` would build a placeholder per id, and
        # a common word matches thousands (0.15 s of Python per search).
        pages = pages.filter(
            RawSQL(
                f'"{Page._meta.db_table}"."id" = ANY(%s)',
                (ids,),
                output_field=BooleanField(),
            )
        )
    else:
        pages = pages.filter(pk__in=ids)
    allowed = set(pages.order_by().values_list("pk", flat=True))
    return [pk for pk in ids if pk in allowed]
