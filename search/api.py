"""The public read API: Wagtail's pages, images and documents endpoints, public only.

Wagtail lets a request through a view restriction it passes (a logged-in
member's session cookie would do). The API is for other websites and apps, so
it ignores who asks: pages under any view restriction and files in any
restricted collection never appear, in lists, search, ``child_of`` or detail.
"""

from django.db.models import Q
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from core.fields import PK_MAX, PK_MIN

from .query import SearchQueryRefused, plain_terms

SEARCH_OPERATORS = ("and", "or")


class PlainTermsSearchFilter(SearchFilter):
    """Wagtail's search filter, fed plain terms (no FTS syntax a visitor can break)."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            # Wagtail passes any other operator on to the backend, which raises.
            if request.GET.get("search_operator", "and") not in SEARCH_OPERATORS:
                raise BadRequestError("search_operator must be 'and' or 'or'")
            query = request._request.GET.copy()
            try:
                query["search"] = plain_terms(query["search"])
            except SearchQueryRefused as refused:
                raise BadRequestError(str(refused)) from refused
            if not query["search"]:
                return queryset.none()
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


def _plain_search(filter_backends):
    return [
        PlainTermsSearchFilter if backend is SearchFilter else backend
        for backend in filter_backends
    ]


def restricted_collections():
    """Collections under a view restriction, with everything below them."""
    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    below = Q()
    for path in paths:
        below |= Q(path__startswith=path)
    return Collection.objects.filter(below) if below else Collection.objects.none()


class PublicReadMixin:
    """Answers any origin: the content is public and no credentials count."""

    def find_object(self, queryset, request):
        # Wagtail looks ``find/?id=`` up as given: "x" or 2**70 was a 500.
        if "id" in request.GET:
            try:
                valid = PK_MIN <= int(request.GET["id"]) <= PK_MAX
            except ValueError:
                valid = False
            if not valid:
                raise BadRequestError("id must be an integer")
        return super().find_object(queryset, request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Access-Control-Allow-Origin"] = "*"
        return response


class PortalPagesAPIViewSet(PublicReadMixin, PagesAPIViewSet):
    filter_backends = _plain_search(PagesAPIViewSet.filter_backends)

    def get_base_queryset(self):
        # Wagtail's .public(), not core.selectors.public: the API's search hands
        # this queryset to the search backend, which reads only plain field
        # filters and fails on the selector's SUBSTRING(path) condition.
        return super().get_base_queryset().public()

    def get_queryset(self):
        # Each item's html_url asks for its locale; one join instead of a query each.
        return super().get_queryset().select_related("locale")


class PortalImagesAPIViewSet(PublicReadMixin, ImagesAPIViewSet):
    filter_backends = _plain_search(ImagesAPIViewSet.filter_backends)

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())


class PortalDocumentsAPIViewSet(PublicReadMixin, DocumentsAPIViewSet):
    filter_backends = _plain_search(DocumentsAPIViewSet.filter_backends)

    def get_queryset(self):
        return super().get_queryset().exclude(collection__in=restricted_collections())
