"""The calendar page filters through its query string and answers bad input with 4xx."""

import pytest

from dialog.factories import EventPageFactory
from tests.utils import in_days, page_text


def listed_titles(client, event_index, **params):
    response = client.get(event_index.url, params)
    assert response.status_code == 200
    return {event.title for event in response.context["events"].object_list}


def test_calendar_lists_upcoming_events(client, event_index, calendar_events):
    html = page_text(client, event_index.url)

    for title in ["Roter Stammtisch", "Basiskonferenz Ost", "Themenrat Mieten online"]:
        assert title in html


def test_calendar_does_not_list_past_events(client, event_index, calendar_events):
    assert "Vergangenes Treffen" not in page_text(client, event_index.url)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "stammtisch"}, {"Roter Stammtisch"}),
        (
            {"kind": ["base_conference", "thematic_council"]},
            {"Basiskonferenz Ost", "Themenrat Mieten online"},
        ),
        ({"district": "friedrichshain-kreuzberg"}, {"Roter Stammtisch"}),
        ({"district": "marzahn-hellersdorf"}, {"Basiskonferenz Ost"}),
        ({"topic": "mieten-wohnen"}, {"Themenrat Mieten online"}),
        ({"young": "on"}, {"Themenrat Mieten online"}),
        ({"event_format": "online"}, {"Themenrat Mieten online"}),
        ({"event_format": "hybrid"}, {"Fahrradtour Tempelhof"}),
        ({"step_free": "on"}, {"Basiskonferenz Ost", "Themenrat Mieten online"}),
        ({"childcare": "on"}, {"Basiskonferenz Ost"}),
        ({"child_friendly": "on"}, {"Basiskonferenz Ost"}),
    ],
    ids=lambda value: "-".join(value) if isinstance(value, dict) else None,
)
def test_calendar_filter_narrows_the_list(
    client, event_index, calendar_events, params, expected
):
    assert listed_titles(client, event_index, **params) == expected


def test_calendar_date_range_narrows_the_list(client, event_index, calendar_events):
    day = in_days(10).date().isoformat()

    assert listed_titles(client, event_index, date_from=day, date_to=day) == {
        "Basiskonferenz Ost"
    }


def test_calendar_filtered_page_shows_only_matching_titles(
    client, event_index, calendar_events
):
    html = page_text(client, event_index.url, kind="stammtisch")

    assert "Roter Stammtisch" in html
    assert "Basiskonferenz Ost" not in html


@pytest.mark.parametrize(
    "params",
    [
        {"date_from": "2030-05-10", "date_to": "2030-05-01"},
        {"kind": "rave"},
        {"district": "atlantis"},
        {"topic": "astrologie"},
        {"date_from": "gestern"},
    ],
    ids=[
        "end-before-start",
        "unknown-kind",
        "unknown-district",
        "unknown-topic",
        "bad-date",
    ],
)
def test_invalid_filter_is_answered_with_400(
    client, event_index, calendar_events, params
):
    response = client.get(event_index.url, params)

    assert response.status_code == 400


def test_invalid_filter_shows_the_form_errors(client, event_index, calendar_events):
    response = client.get(
        event_index.url, {"date_from": "2030-05-10", "date_to": "2030-05-01"}
    )

    assert response.context["filter_form"].errors["date_to"]
    assert 'role="alert"' in response.content.decode()


def test_calendar_page_number_beyond_the_last_is_404(
    client, event_index, calendar_events
):
    assert client.get(event_index.url, {"page": 99}).status_code == 404


def test_calendar_page_number_that_is_not_a_number_is_404(
    client, event_index, calendar_events
):
    assert client.get(event_index.url, {"page": "zwei"}).status_code == 404


def test_calendar_paginates_and_keeps_the_filters(client, event_index, settings):
    settings.PORTAL_PAGE_SIZE = 2
    for days in range(1, 6):
        EventPageFactory(
            parent=event_index, title=f"Stammtisch {days}", start=in_days(days)
        )

    response = client.get(event_index.url, {"kind": "stammtisch", "page": 2})

    assert [event.title for event in response.context["events"]] == [
        "Stammtisch 3",
        "Stammtisch 4",
    ]
    assert "kind=stammtisch&amp;page=3" in response.content.decode()


def test_empty_calendar_renders(client, event_index):
    response = client.get(event_index.url)

    assert response.status_code == 200
    assert response.context["events"].paginator.count == 0
