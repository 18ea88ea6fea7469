"""District pages list their own events and news; the index groups the districts."""

import pytest

from dialog.factories import EventPageFactory, VenueFactory
from home.factories import DistrictPageFactory
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory
from tests.utils import in_days, page_text


@pytest.fixture
def district_content(event_index, news_index, district, other_district):
    EventPageFactory(
        parent=event_index, title="Kiezversammlung Wrangelkiez", district=district
    )
    EventPageFactory(
        parent=event_index,
        title="Stammtisch im Südblock",
        start=in_days(4),
        venue=VenueFactory(district=district),
    )
    EventPageFactory(
        parent=district, title="Infostand Boxhagener Platz", district=district
    )
    EventPageFactory(
        parent=event_index, title="Fest in Hellersdorf", district=other_district
    )
    NewsArticlePageFactory(
        parent=news_index, title="Neues aus Kreuzberg", district=district
    )
    NewsArticlePageFactory(
        parent=district, title="Neues aus Friedrichshain", district=district
    )
    NewsArticlePageFactory(
        parent=news_index, title="Neues aus Marzahn", district=other_district
    )
    DecisionBriefingPageFactory(
        parent=news_index, title="BVV stimmt über Radweg ab", district=district
    )


def test_district_page_shows_intro_and_office(client, district):
    html = page_text(client, district.url)

    assert "Friedrichshain-Kreuzberg" in html
    assert "Der Bezirksverband stellt sich vor." in html
    assert "Musterstraße 1<br>10999 Berlin" in html


@pytest.mark.parametrize(
    "title",
    [
        "Kiezversammlung Wrangelkiez",
        "Stammtisch im Südblock",
        "Infostand Boxhagener Platz",
    ],
)
def test_district_page_lists_its_events(client, district, district_content, title):
    assert title in page_text(client, district.url)


def test_district_page_does_not_list_other_districts_events(
    client, district, district_content
):
    assert "Fest in Hellersdorf" not in page_text(client, district.url)


@pytest.mark.parametrize("title", ["Neues aus Kreuzberg", "Neues aus Friedrichshain"])
def test_district_page_lists_its_news(client, district, district_content, title):
    assert title in page_text(client, district.url)


def test_district_page_does_not_list_other_districts_news(
    client, district, district_content
):
    assert "Neues aus Marzahn" not in page_text(client, district.url)


def test_district_page_lists_its_upcoming_decisions(client, district, district_content):
    assert "BVV stimmt über Radweg ab" in page_text(client, district.url)


def test_district_index_lists_inner_and_outer_districts(
    client, district_index, district, other_district
):
    response = client.get(district_index.url)

    assert response.status_code == 200
    assert list(response.context["inner_districts"]) == [district]
    assert list(response.context["outer_districts"]) == [other_district]


def test_district_index_lists_districts_alphabetically(client, district_index):
    for title in ["Spandau", "Lichtenberg", "Pankow"]:
        DistrictPageFactory(parent=district_index, title=title, area="outer")

    response = client.get(district_index.url)

    assert [d.title for d in response.context["outer_districts"]] == [
        "Lichtenberg",
        "Pankow",
        "Spandau",
    ]


def test_district_index_links_every_district(
    client, district_index, district, other_district
):
    html = page_text(client, district_index.url)

    assert district.url in html
    assert other_district.url in html


def test_district_page_lists_events_created_below_it_without_a_district(
    client, district
):
    EventPageFactory(parent=district, title="Kiezfest am Boxi", district=None)

    assert "Kiezfest am Boxi" in page_text(client, district.url)


def test_district_page_lists_news_created_below_it_without_a_district(client, district):
    NewsArticlePageFactory(parent=district, title="Bericht vom Kiezfest", district=None)

    assert "Bericht vom Kiezfest" in page_text(client, district.url)


def test_calendar_district_filter_finds_events_below_the_district_page(
    client, event_index, district
):
    EventPageFactory(parent=district, title="Kiezfest am Boxi", district=None)

    html = page_text(client, event_index.url + f"?district={district.slug}")

    assert "Kiezfest am Boxi" in html
