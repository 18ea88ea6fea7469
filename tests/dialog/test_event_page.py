"""An event page says where, when and how accessible; its .ics adds it to a calendar."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation
from icalendar import Calendar

from dialog.factories import EventPageFactory, VenueFactory
from dialog.models import EventFormat, EventPage, Venue
from dialog.services import event_to_ical
from home.factories import paragraph

BERLIN = ZoneInfo("Europe/Berlin")


def label(field_name):
    with translation.override("de"):
        return str(Venue._meta.get_field(field_name).verbose_name)


@pytest.fixture
def venue(district):
    return VenueFactory(
        name="Nachbarschaftshaus Urbanstraße",
        street="Urbanstraße 21",
        postcode="10961",
        district=district,
        step_free=True,
        accessible_toilet=True,
        nursing_room=True,
        child_friendly=True,
        public_transport="U7 Südstern, Bus M41",
        accessibility_notes="Induktionsschleife im großen Saal.",
    )


@pytest.fixture
def event(event_index, venue):
    start = datetime.datetime(2031, 3, 11, 19, tzinfo=BERLIN)
    return EventPageFactory(
        parent=event_index,
        title="Basiskonferenz Mieten",
        slug="basiskonferenz-mieten",
        kind=EventPage.Kind.BASE_CONFERENCE,
        start=start,
        end=start + datetime.timedelta(hours=3),
        teaser="Wir beraten, wie wir den Mietenstopp durchsetzen.",
        venue=venue,
        childcare_offered=True,
        body=[paragraph("Begrüßung, Arbeitsgruppen, Abschlussrunde.")],
    )


def get_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_event_page_shows_title_teaser_and_programme(client, event):
    html = get_text(client, event.url)

    assert "Basiskonferenz Mieten" in html
    assert "Mietenstopp durchsetzen" in html
    assert "Begrüßung, Arbeitsgruppen, Abschlussrunde." in html


def test_event_page_shows_the_venue_address_and_transit(client, event):
    html = get_text(client, event.url)

    assert "Nachbarschaftshaus Urbanstraße" in html
    assert "Urbanstraße 21" in html
    assert "10961" in html
    assert "U7 Südstern, Bus M41" in html


def test_event_page_shows_the_venues_accessibility_features(client, event):
    html = get_text(client, event.url)

    assert label("step_free") in html
    assert label("accessible_toilet") in html
    assert "Induktionsschleife im großen Saal." in html


def test_event_page_shows_the_venues_family_features(client, event):
    html = get_text(client, event.url)

    assert label("nursing_room") in html
    assert label("child_friendly") in html
    assert label("changing_table") not in html


def test_event_page_shows_the_start_in_berlin_time(client, event):
    html = get_text(client, event.url)

    assert "19:00" in html
    assert "2031-03-11T19:00:00+01:00" in html


def test_event_page_links_to_its_calendar_file(client, event):
    html = get_text(client, event.url)

    assert f'href="{event.ical_url()}"' in html


def test_online_event_shows_its_video_link(client, event_index):
    online = EventPageFactory(
        parent=event_index,
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link="https://meet.example.org/themenrat",
    )

    assert "https://meet.example.org/themenrat" in get_text(client, online.url)


def test_past_event_shows_its_documented_results(client, event_index):
    past = EventPageFactory(
        parent=event_index,
        start=datetime.datetime(2020, 5, 5, 19, tzinfo=BERLIN),
        end=datetime.datetime(2020, 5, 5, 21, tzinfo=BERLIN),
        results=[paragraph("Beschlossen: Kampagne gegen Eigenbedarfskündigungen.")],
    )

    assert "Kampagne gegen Eigenbedarfskündigungen" in get_text(client, past.url)


def test_event_in_a_district_renders(client, district, venue):
    event = EventPageFactory(parent=district, title="Kiezspaziergang", venue=venue)

    assert "Kiezspaziergang" in get_text(client, event.url)


def parsed_entry(ical_bytes):
    calendar = Calendar.from_ical(ical_bytes)
    (entry,) = calendar.walk("VEVENT")
    return calendar, entry


def test_ical_event_starts_and_ends_at_the_events_time(event):
    _calendar, entry = parsed_entry(event_to_ical(event=event, url=event.full_url))

    assert entry.decoded("dtstart") == event.start
    assert entry.decoded("dtend") == event.end
    assert entry.decoded("dtstart").astimezone(BERLIN).hour == 19


def test_ical_event_names_title_place_and_page(event):
    _calendar, entry = parsed_entry(event_to_ical(event=event, url=event.full_url))

    assert str(entry["summary"]) == "Basiskonferenz Mieten"
    assert "Nachbarschaftshaus Urbanstraße, Urbanstraße 21" in str(entry["location"])
    assert str(entry["url"]) == event.full_url
    assert str(entry["uid"]) == f"event-{event.pk}@mitmachportal"


def test_ical_of_public_online_event_gives_the_link_as_location(client, event_index):
    online = EventPageFactory(
        parent=event_index,
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link="https://meet.example.org/themenrat",
    )

    _calendar, entry = parsed_entry(client.get(online.ical_url()).content)

    assert str(entry["location"]) == "https://meet.example.org/themenrat"


def test_ical_calendar_is_version_2(event):
    calendar, _entry = parsed_entry(event_to_ical(event=event, url=event.full_url))

    assert str(calendar["version"]) == "2.0"
    assert str(calendar["prodid"]) == "-//Mitmachportal//DE"


def test_ical_download_is_a_calendar_attachment(client, event):
    response = client.get(event.ical_url())

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"].startswith("attachment; filename=")


def test_ical_download_starts_at_the_events_time(client, event):
    response = client.get(event.ical_url())

    _calendar, entry = parsed_entry(response.content)
    assert entry.decoded("dtstart") == event.start
