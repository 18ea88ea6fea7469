from django.shortcuts import render
from wagtail.models import Locale, Page

from home.models import paginate
from home.ratelimit import rate_limit
from home.selectors import visible_to

from .query import SearchQueryRefused, plain_terms
from .selectors import page_search


@rate_limit("search", methods=("GET",))
def search(request):
    query = request.GET.get("q", "").strip()
    status = 200
    error = ""
    results = None
    try:
        terms = plain_terms(query)
    except SearchQueryRefused as refused:
        error, status = str(refused), 400
    else:
        if query:
            pages = visible_to(Page.objects.live(), request.user)
            # The visitor's language and, for what is not translated yet, German.
            locales = {Locale.get_active().pk, Locale.get_default().pk}
            pages = pages.filter(depth__gt=1, locale__in=locales).specific()
            found = page_search(terms=terms, pages=pages) if terms else pages.none()
            results = paginate(request, found)
    return render(
        request,
        "search/search.html",
        {"search_query": query, "results": results, "error": error},
        status=status,
    )
