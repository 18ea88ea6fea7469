"""The agreement overview, chapter and item pages as readers see them."""

import datetime

import pytest

from dialog.factories import EventIndexPageFactory, EventPageFactory
from dialog.models import EventPage
from news.factories import DecisionBriefingPageFactory
from tracker.factories import AgreementItemFactory, StatusUpdateFactory
from tracker.models import ItemStatus


def test_overview_shows_progress_charts_with_tables(client, agreement, items):
    response = client.get(agreement.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Fortschritt je Kapitel" in html or "Progress per chapter" in html
    assert html.count('<svg class="chart__svg"') == 3
    assert html.count("<table") >= 4  # three chart tables and the item list
    assert "1. Wohnen" in html and "70" in html  # (40 + 100) / 2


def test_overview_lists_every_item_with_its_status(client, agreement, items):
    response = client.get(agreement.url)

    html = response.content.decode()
    for item in items:
        assert item.title in html
    assert "tracker-status--stalled" in html


def test_overview_filters_by_topic(client, agreement, items, transport):
    response = client.get(agreement.url, {"topic": transport.slug})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Straßenbahn nach Mahlsdorf" in html
    assert "Sozialwohnungen</a>" not in html


def test_overview_filters_by_status(client, agreement, items):
    response = client.get(agreement.url, {"status": ItemStatus.IMPLEMENTED})

    html = response.content.decode()
    assert "20.000 neue Sozialwohnungen</a>" in html
    assert "Mietendeckel für landeseigene Wohnungen</a>" not in html


def test_search_finds_words_of_the_agreed_text(client, agreement, items):
    response = client.get(agreement.url, {"q": "landeseigenen erhöhen"})

    html = response.content.decode()
    assert "Mietendeckel für landeseigene Wohnungen</a>" in html
    assert "Straßenbahn nach Mahlsdorf</a>" not in html


def test_unknown_filter_value_is_a_400_with_a_message(client, agreement, items):
    response = client.get(agreement.url, {"status": "vergessen"})

    assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_overview_queries_do_not_grow_with_items(
    client, agreement, housing_chapter, housing, django_assert_max_num_queries
):
    for number in range(1, 41):
        item = AgreementItemFactory(chapter=housing_chapter, number=number)
        item.topics.add(housing)
        StatusUpdateFactory(item=item)

    with django_assert_max_num_queries(30):
        response = client.get(agreement.url)

    assert response.status_code == 200


def test_item_page_shows_quote_and_history_newest_first(client, rent_item):
    StatusUpdateFactory(
        item=rent_item,
        date=datetime.date(2026, 11, 20),
        status=ItemStatus.STALLED,
        progress=40,
        note="Die Koalition streitet über die Finanzierung.",
    )

    response = client.get(rent_item.get_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert "<blockquote" in html and rent_item.agreed_text in html
    assert html.index("streitet über die Finanzierung") < html.index(
        "einen Entwurf vorgelegt"
    )


def test_unknown_item_is_a_404(client, agreement, rent_item):
    response = client.get(agreement.url + "kapitel/1/punkt/99/")

    assert response.status_code == 404


def test_item_links_to_briefings_and_base_conferences(
    client, news_index, home_page, rent_item
):
    briefing = DecisionBriefingPageFactory(parent=news_index, title="Mietenbremse")
    conference = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        title="Basiskonferenz Wohnen",
        kind=EventPage.Kind.BASE_CONFERENCE,
    )
    rent_item.briefings.add(briefing)
    rent_item.events.add(conference)

    html = client.get(rent_item.get_url()).content.decode()

    assert "Mietenbremse" in html and briefing.url in html
    assert "Basiskonferenz Wohnen" in html


def test_members_only_briefing_is_not_linked_for_visitors(
    client, members_briefing, rent_item
):
    rent_item.briefings.add(members_briefing)

    html = client.get(rent_item.get_url()).content.decode()

    assert members_briefing.title not in html


def test_chapter_page_lists_its_items_and_base_conferences(
    client, home_page, housing_chapter, rent_item, building_item, tram_item
):
    conference = EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        title="Basiskonferenz Wohnen",
        kind=EventPage.Kind.BASE_CONFERENCE,
    )
    housing_chapter.events.add(conference)

    response = client.get(housing_chapter.get_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert rent_item.title in html and building_item.title in html
    assert tram_item.title not in html
    assert "Basiskonferenz Wohnen" in html


@pytest.mark.parametrize("number", [9, 0])
def test_unknown_chapter_is_a_404(client, housing_chapter, number):
    response = client.get(housing_chapter.agreement.url + f"kapitel/{number}/")

    assert response.status_code == 404
