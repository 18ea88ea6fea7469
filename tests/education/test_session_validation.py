"""A course session that cannot take place as described is refused."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from dialog.factories import VenueFactory
from dialog.models import EventFormat
from education.factories import CourseSessionFactory

pytestmark = pytest.mark.django_db


def unsaved_session(**overrides):
    overrides.setdefault("venue", VenueFactory())
    return CourseSessionFactory.build(**overrides)


def error_messages(session):
    with pytest.raises(ValidationError) as caught:
        session.clean()
    return caught.value.message_dict


def test_valid_session_passes():
    unsaved_session().clean()


def test_session_that_ends_before_it_starts_is_invalid():
    session = unsaved_session()
    session.end = session.start - datetime.timedelta(hours=1)

    assert error_messages(session) == {
        "end": ["Die Sitzung muss nach ihrem Beginn enden."]
    }


def test_on_site_session_without_venue_is_invalid():
    session = unsaved_session(venue=None)

    assert set(error_messages(session)) == {"venue"}


def test_online_session_without_link_is_invalid():
    session = unsaved_session(event_format=EventFormat.ONLINE, venue=None)

    assert set(error_messages(session)) == {"online_link"}


def test_hybrid_session_needs_venue_and_link():
    session = unsaved_session(event_format=EventFormat.HYBRID, venue=None)

    assert set(error_messages(session)) == {"venue", "online_link"}
