"""An event that cannot take place as described is refused with a clear error."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from dialog.factories import EventPageFactory, VenueFactory
from dialog.models import EventFormat

pytestmark = pytest.mark.django_db


def unsaved_event(**overrides):
    """An event that passes validation unless ``overrides`` break it."""
    overrides.setdefault("venue", VenueFactory())
    return EventPageFactory.build(**overrides)


def error_fields(event):
    with pytest.raises(ValidationError) as caught:
        event.clean()
    return set(caught.value.message_dict)


def test_event_that_ends_before_it_starts_is_invalid():
    event = unsaved_event()
    event.end = event.start - datetime.timedelta(hours=1)

    assert error_fields(event) == {"end"}


def test_event_that_ends_when_it_starts_is_invalid():
    event = unsaved_event()
    event.end = event.start

    assert error_fields(event) == {"end"}


def test_on_site_event_without_venue_is_invalid():
    event = unsaved_event(event_format=EventFormat.ONSITE, venue=None)

    assert error_fields(event) == {"venue"}


def test_online_event_without_link_is_invalid():
    event = unsaved_event(event_format=EventFormat.ONLINE, venue=None, online_link="")

    assert error_fields(event) == {"online_link"}


def test_hybrid_event_needs_venue_and_link():
    event = unsaved_event(event_format=EventFormat.HYBRID, venue=None, online_link="")

    assert error_fields(event) == {"venue", "online_link"}


def test_online_event_with_link_and_no_venue_is_valid():
    event = unsaved_event(
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link="https://meet.example.org/x",
    )

    event.clean()


def test_on_site_event_with_venue_is_valid():
    event = unsaved_event(event_format=EventFormat.ONSITE)

    event.clean()
