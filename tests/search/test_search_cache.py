"""Search results are cached per query, page, audience and language, and dropped
when pages change: a repeated search costs no full-text query."""

import pytest
from django.urls import reverse
from django.utils import translation

from home.factories import StandardPageFactory, paragraph

SEARCH_URL = reverse("search:search")


@pytest.fixture(autouse=True)
def search_cache(settings):
    settings.PORTAL_SEARCH_CACHE_SECONDS = 60


def html_of(client, query, **params):
    response = client.get(SEARCH_URL, {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_a_repeated_search_is_answered_from_the_cache(
    client, public_briefing, django_assert_max_num_queries
):
    first = html_of(client, "Mietenstopp")

    with django_assert_max_num_queries(1):
        again = html_of(client, "Mietenstopp")

    assert public_briefing.title in again
    assert again == first


def test_a_visitor_never_gets_the_results_cached_for_a_member(
    client, member_user, members_briefing
):
    client.force_login(member_user)
    assert members_briefing.title in html_of(client, "Zwiebelturm")
    client.logout()

    assert members_briefing.title not in html_of(client, "Zwiebelturm")


def test_a_member_does_not_get_the_results_cached_for_visitors(
    client, member_user, members_briefing
):
    assert members_briefing.title not in html_of(client, "Zwiebelturm")
    client.force_login(member_user)

    assert members_briefing.title in html_of(client, "Zwiebelturm")


def test_a_published_page_shows_in_a_search_cached_before(
    client, home_page, django_capture_on_commit_callbacks
):
    assert "Der Wasserturm" not in html_of(client, "Wasserturm")
    page = StandardPageFactory(
        parent=home_page, title="Der Wasserturm", body=[paragraph("Wasserturm")]
    )
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert "Der Wasserturm" in html_of(client, "Wasserturm")


def test_an_unpublished_page_leaves_a_search_cached_before(
    client, home_page, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(
        parent=home_page, title="Der Wasserturm", body=[paragraph("Wasserturm")]
    )
    assert "Der Wasserturm" in html_of(client, "Wasserturm")

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert "Der Wasserturm" not in html_of(client, "Wasserturm")


def test_each_page_of_results_is_cached_apart(client, home_page, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for number in range(3):
        StandardPageFactory(
            parent=home_page, title=f"Solidarität {number}", body=[paragraph("Kiez")]
        )
    first = html_of(client, "Kiez")

    second = html_of(client, "Kiez", page=2)

    assert second != first
    assert second.count('class="search-result"') == 1


def test_a_page_number_beyond_the_results_is_still_not_found(client, public_briefing):
    html_of(client, "Mietenstopp")

    response = client.get(SEARCH_URL, {"q": "Mietenstopp", "page": 9})

    assert response.status_code == 404


def test_the_results_heading_is_in_the_language_of_the_visitor(client, public_briefing):
    german = html_of(client, "Mietenstopp")
    with translation.override("en"):
        english_url = reverse("search:search")

    english = client.get(english_url, {"q": "Mietenstopp"}).content.decode()

    assert "1 Treffer für" in german
    assert "1 result for" in english
