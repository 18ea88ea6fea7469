"""Site search on PostgreSQL: German full text with stemming, titles first.

Skipped on SQLite; CI runs the suite on PostgreSQL too.
"""

import pytest
from django.conf import settings
from django.db import connection
from django.urls import reverse

from home.factories import StandardPageFactory, paragraph

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="PostgreSQL full text only"
    ),
]

SEARCH_URL = reverse("search:search")


def found_titles(client, query):
    response = client.get(SEARCH_URL, {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"].object_list]


def test_search_uses_the_german_text_search_configuration():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] == "german"


def test_search_finds_the_plural_by_the_singular(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Aus dem Kiez",
        body=[paragraph("Die Mieten im Kiez steigen seit Jahren.")],
    )

    assert found_titles(client, "Miete") == ["Aus dem Kiez"]


def test_search_finds_inflected_forms_of_a_word(client, home_page):
    StandardPageFactory(
        parent=home_page,
        title="Schulbau",
        body=[paragraph("Wir fordern mehr neue Schulen in den Außenbezirken.")],
    )

    assert found_titles(client, "Schule") == ["Schulbau"]


def test_a_title_word_ranks_its_page_first(client, home_page):
    for number in range(6):
        StandardPageFactory(
            parent=home_page,
            title=f"Bericht {number}",
            body=[paragraph("Der Radweg, der Radweg und noch ein Radweg.")],
        )
    StandardPageFactory(
        parent=home_page,
        title="Radweg an der Frankfurter Allee",
        body=[paragraph("Eine sichere Verbindung für alle.")],
    )

    titles = found_titles(client, "Radweg")

    assert titles[0] == "Radweg an der Frankfurter Allee"
    assert len(titles) == 7


def test_stop_words_alone_find_nothing_and_do_not_fail(client, home_page):
    StandardPageFactory(
        parent=home_page, title="Und die", body=[paragraph("und die der das")]
    )

    assert found_titles(client, "und die") == []
