"""A request failing halfway leaves no half-written registration behind.

The fault is injected after the registration row is inserted: writing its mail
to the outbox fails, with a database error (the person gets the form back and a
clear message) or with an unexpected crash (500, and nothing stored either).
"""

import re
from unittest import mock

import pytest
from django.core import mail
from django.db import OperationalError
from django.test import Client

from core.models import OutgoingMail
from registrations.models import Registration, RegistrationMode
from tests.registrations.registration_helpers import (
    GUEST,
    register_url,
    registrable_event,
)

pytestmark = pytest.mark.django_db

MAIL_ENQUEUE = "registrations.services.mail_enqueue"


@pytest.fixture
def council(event_index):
    return registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, capacity=1
    )


@pytest.fixture
def conference(event_index):
    return registrable_event(event_index, capacity=1)


def fails_after_the_insert(error):
    """A mail_enqueue that checks the row was written, then raises ``error``."""

    def enqueue(**arguments):
        assert Registration.objects.filter(pk=arguments["registration_id"]).exists()
        raise error

    return mock.patch(MAIL_ENQUEUE, side_effect=enqueue)


def test_a_database_error_stores_nothing_and_says_so(
    client, council, django_capture_on_commit_callbacks
):
    with fails_after_the_insert(OperationalError("connection lost")) as enqueue:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(register_url(council), GUEST)

    assert enqueue.called
    assert response.status_code == 200
    assert "konnte gerade nicht gespeichert werden" in response.text
    assert 'value="Hanna Beispiel"' in response.text
    assert not Registration.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []


def test_sending_the_form_again_after_a_database_error_registers_once(
    client, council, django_capture_on_commit_callbacks, settings
):
    settings.PORTAL_FORM_MIN_SECONDS = 0  # sent again at once, with the new form
    with fails_after_the_insert(OperationalError("connection lost")):
        shown_again = client.post(register_url(council), GUEST)
    token = re.search(r'name="form_started" value="([^"]+)"', shown_again.text)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            register_url(council), {**GUEST, "form_started": token.group(1)}
        )

    assert response.status_code == 302
    assert Registration.objects.count() == 1
    assert [message.to for message in mail.outbox] == [["hanna@example.org"]]


def test_a_failed_registration_keeps_the_last_seat_free(
    client, conference, member_user, make_user, members_group
):
    client.force_login(member_user)
    with fails_after_the_insert(OperationalError("could not serialize access")):
        client.post(register_url(conference), {"consent": "on"})
    assert not Registration.objects.exists()

    other = make_user("clara", groups=[members_group])
    client.force_login(other)
    response = client.post(register_url(conference), {"consent": "on"})

    assert response.status_code == 302
    assert Registration.objects.get().user == other
    assert Registration.objects.get().status == Registration.Status.CONFIRMED


def test_an_unexpected_crash_answers_500_and_stores_nothing(council):
    client = Client(raise_request_exception=False)

    with fails_after_the_insert(RuntimeError("bug")):
        response = client.post(register_url(council), GUEST)

    assert response.status_code == 500
    assert not Registration.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert mail.outbox == []
