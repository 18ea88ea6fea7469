"""The public read API: Wagtail's pages endpoint with a search that cannot fail."""

from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.views import PagesAPIViewSet

from .query import plain_terms


class PlainTermsSearchFilter(SearchFilter):
    """Wagtail's search filter, fed plain terms (no FTS syntax a visitor can break)."""

    def filter_queryset(self, request, queryset, view):
        if "search" in request.GET:
            query = request._request.GET.copy()
            query["search"] = plain_terms(query["search"])
            if not query["search"]:
                return queryset.none()
            request._request.GET = query
        return super().filter_queryset(request, queryset, view)


class PortalPagesAPIViewSet(PagesAPIViewSet):
    filter_backends = [
        PlainTermsSearchFilter if backend is SearchFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
