"""Search input is capped in length and words before any backend parses it.

Wagtail's search query parser had a regular-expression denial-of-service
advisory; the site search and the read API refuse long queries with a 400 and
a message, and never hand the backend more than the caps.
"""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from wagtail.api.v2.filters import SearchFilter

import search.views
from search.query import MAX_QUERY_LENGTH, MAX_QUERY_TERMS
from tests.fuzz import get, text_values

SEARCH_URL = "/suche/"
API_ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    settings.PORTAL_RATE_LIMITS = {}


@pytest.fixture
def backend_queries(monkeypatch):
    """The queries that reached the site search and Wagtail's API search filter."""
    seen = []
    page_search = search.views.page_search
    api_filter = SearchFilter.filter_queryset

    def recording_page_search(*, terms, pages):
        seen.append(terms)
        return page_search(terms=terms, pages=pages)

    def recording_api_filter(self, request, queryset, view):
        if "search" in request.GET:
            seen.append(request.GET["search"])
        return api_filter(self, request, queryset, view)

    monkeypatch.setattr(search.views, "page_search", recording_page_search)
    monkeypatch.setattr(SearchFilter, "filter_queryset", recording_api_filter)
    return seen


def words(count):
    return " ".join(f"wort{number}" for number in range(count))


def test_site_search_refuses_more_words_than_the_cap(client, home_page):
    response = client.get(SEARCH_URL, {"q": words(MAX_QUERY_TERMS + 1)})

    assert response.status_code == 400
    assert f"höchstens {MAX_QUERY_TERMS} Wörter" in response.content.decode()


def test_site_search_accepts_as_many_words_as_the_cap(client, public_briefing):
    assert client.get(SEARCH_URL, {"q": words(MAX_QUERY_TERMS)}).status_code == 200


def test_site_search_refusal_is_translated(client, home_page):
    response = client.get("/en/suche/", {"q": words(MAX_QUERY_TERMS + 1)})

    assert f"at most {MAX_QUERY_TERMS} words" in response.content.decode()


@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_api_search_refuses_an_overlong_query(client, home_page, endpoint):
    response = client.get(endpoint, {"search": "a" * (MAX_QUERY_LENGTH + 1)})

    assert response.status_code == 400
    assert f"höchstens {MAX_QUERY_LENGTH} Zeichen" in response.json()["message"]


@pytest.mark.parametrize("endpoint", API_ENDPOINTS)
def test_api_search_refuses_more_words_than_the_cap(client, home_page, endpoint):
    response = client.get(endpoint, {"search": words(MAX_QUERY_TERMS + 1)})

    assert response.status_code == 400
    assert f"höchstens {MAX_QUERY_TERMS} Wörter" in response.json()["message"]


def test_api_search_accepts_as_many_words_as_the_cap(client, public_briefing):
    response = client.get(API_ENDPOINTS[0], {"search": words(MAX_QUERY_TERMS)})

    assert response.status_code == 200


@pytest.mark.parametrize(
    "query",
    ['"' * 10_000, "a:" * 5_000, "(" * 10_000, "a OR " * 2_000, "\x00" * 1_000],
)
def test_pathological_queries_are_refused_before_the_backend(
    client, home_page, backend_queries, query
):
    assert get(client, SEARCH_URL, {"q": query}).status_code == 400
    assert get(client, API_ENDPOINTS[0], {"search": query}).status_code == 400
    assert backend_queries == []


def test_a_nul_in_a_search_is_refused_before_the_backend(
    client, public_briefing, backend_queries
):
    response = get(client, SEARCH_URL, {"q": "Jugend\x00hilfe"})

    assert response.status_code == 400
    assert backend_queries == []


@given(
    query=st.one_of(
        text_values(),
        st.lists(st.sampled_from(["Miete", "OR", '"', "*", "-x"]), max_size=30).map(
            " ".join
        ),
    ),
    api=st.booleans(),
)
def test_backend_never_gets_more_than_the_caps(
    client, public_briefing, backend_queries, query, api
):
    backend_queries.clear()
    if api:
        response = get(client, API_ENDPOINTS[0], {"search": query})
    else:
        response = get(client, SEARCH_URL, {"q": query})

    assert response.status_code in (200, 400)
    for sent in backend_queries:
        assert len(sent) <= MAX_QUERY_LENGTH
        assert len(sent.split()) <= MAX_QUERY_TERMS
        assert "\x00" not in sent and '"' not in sent
