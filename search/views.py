from django.conf import settings
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from wagtail.models import Locale, Page

from core.pages import paginate
from core.ratelimit import rate_limit
from core.selectors import visible_to

from .query import SearchQueryRefused, plain_terms
from .selectors import page_search, search_results_key


@rate_limit("search", methods=("GET",))
def search(request):
    query = request.GET.get("q", "").strip()
    status = 200
    error = ""
    results = None
    results_key = ""
    try:
        terms = plain_terms(query)
    except SearchQueryRefused as refused:
        error, status = str(refused), 400
    else:
        if query:
            # Searched only when the cached results fragment is missing; a page
            # number that does not exist is a 404 then (and never stored).
            results = SimpleLazyObject(
                lambda: paginate(request, _found(request, terms))
            )
            results_key = search_results_key(request, query)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "results": results,
            "results_key": results_key,
            "results_seconds": settings.PORTAL_SEARCH_CACHE_SECONDS,
            "error": error,
        },
        status=status,
    )


def _found(request, terms: str):
    if not terms:
        return Page.objects.none()
    pages = visible_to(Page.objects.live(), request.user)
    # The visitor's language and, for what is not translated yet, German.
    locales = {Locale.get_active().pk, Locale.get_default().pk}
    return page_search(terms=terms, pages=pages.filter(depth__gt=1, locale__in=locales))
