"""Calendar feeds (.ics) and the city calendar as JSON: public events only."""

import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from icalendar import Calendar
from wagtail.models import PageViewRestriction

from dialog.factories import EventPageFactory, VenueFactory
from tests.utils import in_days

CALENDAR_JSON = "/api/v2/kalender/"


def ics(client, name="feed_calendar", *args):
    response = client.get(reverse(f"dialog_feeds:{name}", args=args))
    assert response.status_code == 200, response.status_code
    return response, Calendar.from_ical(response.content)


def summaries(calendar):
    return [str(entry["summary"]) for entry in calendar.walk("VEVENT")]


def entry_of(calendar, title):
    (entry,) = [e for e in calendar.walk("VEVENT") if str(e["summary"]) == title]
    return entry


@pytest.fixture
def members_event(event_index, members_group):
    event = EventPageFactory(
        parent=event_index, title="Basiskonferenz intern", start=in_days(5)
    )
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([members_group])
    return event


def test_calendar_feed_is_a_calendar_of_upcoming_events(client, calendar_events):
    response, calendar = ics(client)

    assert response["Content-Type"].startswith("text/calendar")
    assert summaries(calendar) == [
        "Roter Stammtisch",
        "Basiskonferenz Ost",
        "Themenrat Mieten online",
        "Fahrradtour Tempelhof",
    ]


def test_calendar_feed_has_a_name_to_subscribe_under(client, calendar_events):
    _response, calendar = ics(client)

    assert str(calendar["x-wr-calname"]) == "Termine in Berlin"


def test_calendar_entry_links_back_to_the_event_page(client, calendar_events):
    _response, calendar = ics(client)

    entry = entry_of(calendar, "Basiskonferenz Ost")
    assert str(entry["url"]) == calendar_events["conference"].full_url
    assert calendar_events["conference"].full_url in str(entry["description"])


def test_calendar_entry_starts_in_berlin_time(client, calendar_events):
    _response, calendar = ics(client)

    entry = entry_of(calendar, "Roter Stammtisch")
    assert entry["dtstart"].params["TZID"] == "Europe/Berlin"
    assert entry.decoded("dtstart") == calendar_events["stammtisch"].start
    assert calendar.walk("VTIMEZONE")


def test_calendar_entry_tells_childcare_and_family_features(client, calendar_events):
    _response, calendar = ics(client)

    description = str(entry_of(calendar, "Basiskonferenz Ost")["description"])
    assert "Kinderbetreuung wird angeboten" in description
    assert "Barrierefreiheit: stufenloser Zugang" in description
    assert "Für Familien: kinderfreundlich" in description


def test_calendar_entry_says_when_no_step_free_access_is_known(client, calendar_events):
    _response, calendar = ics(client)

    description = str(entry_of(calendar, "Roter Stammtisch")["description"])
    assert "Keine Kinderbetreuung" in description
    assert "Kein stufenloser Zugang bekannt" in description


def test_calendar_entry_names_nursing_room_and_changing_table(client, event_index):
    EventPageFactory(
        parent=event_index,
        title="Familienfest",
        venue=VenueFactory(nursing_room=True, changing_table=True),
    )

    _response, calendar = ics(client)

    description = str(entry_of(calendar, "Familienfest")["description"])
    assert "Stillraum" in description
    assert "Wickeltisch" in description


def test_calendar_feed_leaves_out_members_only_events(
    client, calendar_events, members_event
):
    _response, calendar = ics(client)

    assert "Basiskonferenz intern" not in summaries(calendar)


def test_calendar_feed_leaves_them_out_also_for_a_logged_in_member(
    client, member_user, members_event
):
    client.force_login(member_user)

    _response, calendar = ics(client)

    assert summaries(calendar) == []


def test_district_calendar_feed_lists_the_districts_events(
    client, calendar_events, district
):
    _response, calendar = ics(client, "feed_calendar_district", district.slug)

    assert summaries(calendar) == ["Roter Stammtisch"]
    assert "Friedrichshain-Kreuzberg" in str(calendar["x-wr-calname"])


def test_topic_calendar_feed_lists_the_topics_events(client, calendar_events, topic):
    _response, calendar = ics(client, "feed_calendar_topic", topic.slug)

    assert summaries(calendar) == ["Themenrat Mieten online"]


@pytest.mark.parametrize("name", ["feed_calendar_district", "feed_calendar_topic"])
def test_calendar_feed_of_an_unknown_slug_is_404(client, calendar_events, name):
    response = client.get(reverse(f"dialog_feeds:{name}", args=["gibt-es-nicht"]))

    assert response.status_code == 404


def test_calendar_feed_of_a_restricted_district_is_404(client, district):
    restriction = PageViewRestriction.objects.create(
        page=district, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.create(name="Vorstand")])

    response = client.get(
        reverse("dialog_feeds:feed_calendar_district", args=[district.slug])
    )

    assert response.status_code == 404


def test_calendar_feed_query_count_does_not_grow_with_events(
    client, event_index, topic, django_assert_max_num_queries
):
    def create(count):
        for number in range(count):
            event = EventPageFactory(parent=event_index, start=in_days(1 + number))
            event.topics.add(topic)
            event.save()

    url = reverse("dialog_feeds:feed_calendar")
    create(3)
    with django_assert_max_num_queries(12) as few:
        client.get(url)
    create(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert len(Calendar.from_ical(response.content).walk("VEVENT")) == 30


def test_event_page_offers_its_ics_file(client, calendar_events):
    event = calendar_events["conference"]

    html = client.get(event.url).content.decode()

    assert f'href="{event.ical_url()}"' in html


def test_calendar_page_offers_the_feed_to_subscribe(client, calendar_events):
    html = client.get(calendar_events["stammtisch"].get_parent().url).content.decode()

    feed = reverse("dialog_feeds:feed_calendar")
    assert f'href="webcal://testserver{feed}"' in html
    assert f'href="http://testserver{feed}"' in html


def test_filtered_calendar_page_offers_the_district_feed(
    client, calendar_events, district
):
    url = calendar_events["stammtisch"].get_parent().url
    html = client.get(url, {"district": district.slug}).content.decode()

    feed = reverse("dialog_feeds:feed_calendar_district", args=[district.slug])
    assert f'href="webcal://testserver{feed}"' in html


# The city calendar as JSON


def calendar_json(client, **params):
    response = client.get(CALENDAR_JSON, params)
    return response, json.loads(response.content)


def json_titles(data):
    return [item["title"] for item in data["items"]]


def test_calendar_json_lists_upcoming_public_events(
    client, calendar_events, members_event
):
    response, data = calendar_json(client)

    assert response.status_code == 200
    assert data["meta"]["total_count"] == 4
    assert "Basiskonferenz intern" not in json_titles(data)


def test_calendar_json_describes_an_event(client, calendar_events, other_district):
    _response, data = calendar_json(client, kind="base_conference")

    (item,) = data["items"]
    conference = calendar_events["conference"]
    assert item["url"] == conference.full_url
    assert item["start"] == conference.start.astimezone().isoformat()
    assert item["kind"] == "base_conference"
    assert item["district"] == {
        "slug": other_district.slug,
        "title": "Marzahn-Hellersdorf",
    }
    assert item["childcare_offered"] is True
    assert item["venue"]["step_free"] is True
    assert item["venue"]["child_friendly"] is True
    assert item["format"] == "onsite"


def test_calendar_json_names_the_district_of_an_event_below_its_page(client, district):
    EventPageFactory(parent=district, title="Kiezfest")

    _response, data = calendar_json(client)

    assert data["items"][0]["district"]["slug"] == district.slug


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"district": "friedrichshain-kreuzberg"}, ["Roter Stammtisch"]),
        ({"topic": "mieten-wohnen"}, ["Themenrat Mieten online"]),
        ({"kind": "bike_tour"}, ["Fahrradtour Tempelhof"]),
        ({"format": "online"}, ["Themenrat Mieten online"]),
        ({"childcare": "1"}, ["Basiskonferenz Ost"]),
    ],
)
def test_calendar_json_filters(client, calendar_events, params, expected):
    _response, data = calendar_json(client, **params)

    assert json_titles(data) == expected


def test_calendar_json_filters_by_date_range(client, calendar_events):
    start = in_days(9).date().isoformat()
    end = in_days(21).date().isoformat()

    _response, data = calendar_json(client, **{"from": start, "to": end})

    assert json_titles(data) == ["Basiskonferenz Ost", "Themenrat Mieten online"]


def test_calendar_json_pages_with_limit_and_offset(client, calendar_events):
    _response, data = calendar_json(client, limit=2, offset=1)

    assert json_titles(data) == ["Basiskonferenz Ost", "Themenrat Mieten online"]
    assert data["meta"]["total_count"] == 4


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"from": "morgen"}, "from"),
        ({"to": "2026-13-01"}, "to"),
        ({"district": "atlantis"}, "district"),
        ({"topic": "gibt-es-nicht"}, "topic"),
        ({"kind": "raumfahrt"}, "kind"),
        ({"limit": "viele"}, "limit"),
        ({"limit": "500"}, "limit"),
        ({"offset": "-1"}, "offset"),
    ],
)
def test_calendar_json_answers_bad_filters_with_400_in_german(
    client, calendar_events, params, field
):
    response, data = calendar_json(client, **params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert data["message"] == "Bitte prüfe deine Filter."
    assert field in data["errors"]


def test_calendar_json_rejects_an_end_before_the_start(client, calendar_events):
    response, data = calendar_json(client, **{"from": "2027-02-01", "to": "2027-01-01"})

    assert response.status_code == 400
    assert data["errors"]["to"] == [
        "Das Enddatum darf nicht vor dem Anfangsdatum liegen."
    ]


def test_calendar_json_query_count_does_not_grow_with_events(
    client, event_index, topic, django_assert_max_num_queries
):
    def create(count):
        for number in range(count):
            event = EventPageFactory(parent=event_index, start=in_days(1 + number))
            event.topics.add(topic)
            event.save()

    create(3)
    with django_assert_max_num_queries(14) as few:
        client.get(CALENDAR_JSON, {"limit": 50})
    create(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        _response, data = calendar_json(client, limit=50)

    assert len(data["items"]) == 30


def test_calendar_json_may_be_read_from_other_websites(client, calendar_events):
    response, _data = calendar_json(client)

    assert response["Access-Control-Allow-Origin"] == "*"


@pytest.mark.parametrize(
    "params",
    [
        {"to": "9999-12-31"},
        {"from": "0001-01-01"},
        {"from": "9999-12-31"},
        {"offset": "99999999999999999999999"},
    ],
)
def test_calendar_json_takes_extreme_dates_and_offsets(client, calendar_events, params):
    """Found by fuzzing: these were server errors (date overflow, SQLite integer)."""
    response = client.get(CALENDAR_JSON, params)

    assert response.status_code == 200
    assert isinstance(response.json()["items"], list)


def test_calendar_page_takes_the_last_possible_date(
    client, calendar_events, event_index
):
    response = client.get(event_index.url, {"date_to": "9999-12-31"})

    assert response.status_code == 200
