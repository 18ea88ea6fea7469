"""Site search finds public pages by their content, never members-only ones."""

import pytest
from django.urls import reverse

from home.factories import StandardPageFactory, paragraph
from search.query import MAX_QUERY_LENGTH

SEARCH_URL = reverse("search:search")


def found_titles(client, query, **params):
    response = client.get(SEARCH_URL, {"q": query, **params})
    assert response.status_code == 200
    return [page.title for page in response.context["results"].object_list]


def test_search_finds_a_briefing_by_a_word_only_in_its_talking_points(
    client, public_briefing
):
    assert found_titles(client, "Mietenstopp") == [public_briefing.title]


def test_search_ignores_upper_and_lower_case(client, public_briefing):
    assert found_titles(client, "mietenstopp") == [public_briefing.title]


def test_search_finds_german_words_with_umlauts(client, public_briefing):
    assert found_titles(client, "Verdrängung") == [public_briefing.title]


def test_search_finds_words_in_a_talking_points_explanation(client, public_briefing):
    assert found_titles(client, "Angebotsmieten") == [public_briefing.title]


def test_search_requires_every_word(client, public_briefing):
    assert found_titles(client, "Mietenstopp Autobahn") == []


def test_search_does_not_find_members_only_briefings(client, members_briefing):
    assert found_titles(client, "Zwiebelturm") == []


def test_search_does_not_find_unpublished_pages(client, home_page):
    draft = StandardPageFactory(
        parent=home_page, body=[paragraph("Geheimplan Wasserturm")]
    )
    draft.unpublish()

    assert found_titles(client, "Wasserturm") == []


def test_search_shows_the_result_with_a_link(client, public_briefing):
    response = client.get(SEARCH_URL, {"q": "Mietenstopp"})

    assert f'href="{public_briefing.url}"' in response.content.decode()


@pytest.fixture
def many_pages(home_page, settings):
    settings.PORTAL_PAGE_SIZE = 4
    for number in range(10):
        StandardPageFactory(
            parent=home_page,
            title=f"Solidarität {number}",
            body=[paragraph("Solidarität")],
        )


def test_search_paginates_results(client, many_pages):
    response = client.get(SEARCH_URL, {"q": "Solidarität", "page": 3})

    assert response.status_code == 200
    assert response.context["results"].paginator.count == 10
    assert len(response.context["results"].object_list) == 2


def test_search_pagination_links_keep_the_query(client, many_pages):
    html = client.get(SEARCH_URL, {"q": "Solidarität"}).content.decode()

    assert "q=Solidarit%C3%A4t&amp;page=2" in html


def test_pagination_shows_the_ends_and_the_neighbours_with_gaps(
    client, many_pages, settings
):
    settings.PORTAL_PAGE_SIZE = 1  # ten pages of results

    html = client.get(SEARCH_URL, {"q": "Solidarität"}).content.decode()

    linked = {n for n in range(1, 11) if f'page={n}"' in html}
    assert linked == {1, 2, 3, 10}  # 4 to 9 are left out
    assert html.count('<li aria-hidden="true">…</li>') == 1
    assert 'aria-current="page"' in html


def test_search_page_number_beyond_the_last_is_404(client, many_pages):
    assert client.get(SEARCH_URL, {"q": "Solidarität", "page": 9}).status_code == 404


def test_search_page_number_that_is_not_a_number_is_404(client, many_pages):
    assert client.get(SEARCH_URL, {"q": "Solidarität", "page": "x"}).status_code == 404


def test_overlong_query_is_answered_with_400(client, home_page):
    response = client.get(SEARCH_URL, {"q": "a" * (MAX_QUERY_LENGTH + 1)})

    assert response.status_code == 400
    assert response.context["error"]
    assert 'role="alert"' in response.content.decode()


def test_query_of_the_maximum_length_is_accepted(client, home_page):
    assert client.get(SEARCH_URL, {"q": "a" * MAX_QUERY_LENGTH}).status_code == 200


def test_empty_query_shows_the_form_without_results(client, home_page):
    response = client.get(SEARCH_URL)

    assert response.status_code == 200
    assert response.context["results"] is None


ODD_QUERIES = [
    '"',
    '"Mietenstopp',
    'Miete "und" Wohnen',
    "'",
    "AND",
    "OR NOT",
    "NEAR(a b)",
    "*",
    "a*",
    "(",
    ")",
    "{title}: x",
    "title:x",
    "^Miete",
    "Miete & -Wohnen",
    "!",
    "|",
    ":",
    "\\",
    "'; DROP TABLE wagtailcore_page; --",
    "ٱلْعَرَبِيَّة",
    "🚲",
]


@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_never_fail(client, public_briefing, query):
    assert client.get(SEARCH_URL, {"q": query}).status_code == 200
