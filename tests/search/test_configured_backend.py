"""Site search and the API's search ask the configured search backend (what
SEARCH_URL=opensearch://… selects), not the database's index.

``tests.search.memory_backend`` stands in for OpenSearch: the pages reach it
through Wagtail's index updates, and a word only its index holds is found.
"""

import json

import pytest
from django.urls import reverse
from wagtail.search.backends import get_search_backend

from search.selectors import database_index_in_use
from tests.search import memory_backend

SEARCH_URL = reverse("search:search")
API_URL = "/api/v2/pages/"
# A word no page's content holds: only an index that was told it can find it.
ONLY_IN_THE_INDEX = "wohnungsbauoffensive"


@pytest.fixture
def memory_search(settings):
    memory_backend.DOCUMENTS.clear()
    memory_backend.QUERIES.clear()
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "tests.search.memory_backend"}
    }
    yield memory_backend
    memory_backend.DOCUMENTS.clear()


def indexed_with_extra_word(page):
    """What an external index holds that the database does not (e.g. an
    attachment's text an OpenSearch pipeline extracted)."""
    page.title = f"{page.title} {ONLY_IN_THE_INDEX}"
    get_search_backend().add(page)
    page.refresh_from_db()


def found_titles(client, query):
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"].object_list]


def test_the_database_backend_is_the_default(db):
    assert database_index_in_use() == (
        get_search_backend().__class__.__name__ == "PostgresSearchBackend"
    )


def test_publishing_feeds_the_configured_backend(
    memory_search, news_index, django_capture_on_commit_callbacks
):
    from news.factories import DecisionBriefingPageFactory

    with django_capture_on_commit_callbacks(execute=True):
        page = DecisionBriefingPageFactory(parent=news_index, title="Schulbau jetzt")
        page.save_revision().publish()

    assert ("wagtailcore.page", page.pk) in memory_search.DOCUMENTS
    assert "schulbau" in memory_search.DOCUMENTS[("wagtailcore.page", page.pk)]


def test_site_search_answers_from_the_configured_backend(
    client, memory_search, public_briefing
):
    indexed_with_extra_word(public_briefing)

    assert not database_index_in_use()
    assert found_titles(client, ONLY_IN_THE_INDEX) == [public_briefing.title]
    assert memory_search.QUERIES == [ONLY_IN_THE_INDEX]


def test_site_search_on_the_backend_still_hides_members_only_pages(
    client, memory_search, public_briefing, members_briefing
):
    indexed_with_extra_word(public_briefing)
    indexed_with_extra_word(members_briefing)

    assert found_titles(client, ONLY_IN_THE_INDEX) == [public_briefing.title]


def test_the_api_search_answers_from_the_configured_backend(
    client, memory_search, public_briefing, members_briefing
):
    indexed_with_extra_word(public_briefing)
    indexed_with_extra_word(members_briefing)

    response = client.get(API_URL, {"search": ONLY_IN_THE_INDEX})

    assert response.status_code == 200
    items = json.loads(response.content)["items"]
    assert [item["id"] for item in items] == [public_briefing.pk]
    assert memory_search.QUERIES == [ONLY_IN_THE_INDEX]


def test_without_the_backend_the_extra_word_is_not_found(client, public_briefing):
    """The control: the database's index never heard the word."""
    assert found_titles(client, ONLY_IN_THE_INDEX) == []
