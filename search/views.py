from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from home.models import paginate
from home.ratelimit import rate_limit
from home.selectors import visible_to

from .query import plain_terms
from .selectors import page_search

MAX_QUERY_LENGTH = 200


@rate_limit("search", methods=("GET",))
def search(request):
    query = request.GET.get("q", "").strip()
    status = 200
    error = ""
    results = None
    if len(query) > MAX_QUERY_LENGTH:
        error = _("Please search for at most %(max)d characters.") % {
            "max": MAX_QUERY_LENGTH
        }
        status = 400
    elif query:
        terms = plain_terms(query)
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
