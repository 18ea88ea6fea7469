"""The public read API lists public pages with their fields."""

import json

import pytest

from dialog.factories import EventPageFactory
from dialog.models import EventPage
from tests.utils import in_days

API_URL = "/api/v2/pages/"


def api_get(client, **params):
    response = client.get(API_URL, params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


@pytest.fixture
def events(event_index):
    return [
        EventPageFactory(
            parent=event_index,
            title="Basiskonferenz Süd",
            kind=EventPage.Kind.BASE_CONFERENCE,
            start=in_days(3),
        ),
        EventPageFactory(
            parent=event_index,
            title="Fahrradtour Nord",
            kind=EventPage.Kind.BIKE_TOUR,
            start=in_days(6),
        ),
    ]


def test_api_lists_public_events_with_start_and_kind(client, events):
    data = api_get(client, type="dialog.EventPage", fields="start,kind")

    assert data["meta"]["total_count"] == 2
    assert {(item["title"], item["kind"]) for item in data["items"]} == {
        ("Basiskonferenz Süd", "base_conference"),
        ("Fahrradtour Nord", "bike_tour"),
    }


def test_api_gives_the_event_start_as_iso_datetime(client, events):
    data = api_get(
        client, type="dialog.EventPage", fields="start", title="Basiskonferenz Süd"
    )

    (item,) = data["items"]
    assert item["start"] == events[0].start.astimezone().isoformat()


def test_api_does_not_list_unpublished_events(client, events):
    events[1].unpublish()

    data = api_get(client, type="dialog.EventPage")

    assert [item["title"] for item in data["items"]] == ["Basiskonferenz Süd"]


def test_api_filters_events_by_kind(client, events):
    data = api_get(client, type="dialog.EventPage", kind="bike_tour")

    assert [item["title"] for item in data["items"]] == ["Fahrradtour Nord"]


def test_api_event_detail_includes_the_venue(client, events):
    response = client.get(f"{API_URL}{events[0].pk}/")

    data = json.loads(response.content)
    assert response.status_code == 200
    assert data["venue"]["id"] == events[0].venue_id


def test_api_lists_public_briefings_with_their_talking_points(client, public_briefing):
    data = api_get(client, type="news.DecisionBriefingPage", fields="talking_points")

    (item,) = data["items"]
    points = [block["value"]["point"] for block in item["talking_points"]]
    assert "Ein Mietenstopp schützt Familien vor Verdrängung." in points


def test_api_rejects_an_unknown_page_type_with_400(client, home_page):
    response = client.get(API_URL, {"type": "dialog.Nonsense"})

    assert response.status_code == 400


def test_api_rejects_an_unknown_field_with_400(client, events):
    response = client.get(API_URL, {"type": "dialog.EventPage", "fields": "password"})

    assert response.status_code == 400


def test_api_rejects_a_limit_above_the_maximum_with_400(client, events):
    assert client.get(API_URL, {"limit": 1000}).status_code == 400


@pytest.mark.parametrize(
    "query",
    [
        "Basiskonferenz",
        "Basis*",
        '"',
        '"Basis',
        "(Basis",
        "Basis)",
        "Basis OR",
        "NOT",
        "-Basis",
        "Basis:",
        "^Basis",
        "Basis AND NOT Konferenz",
    ],
)
def test_api_search_never_fails(client, events, query):
    assert client.get(API_URL, {"search": query}).status_code in (200, 400)
