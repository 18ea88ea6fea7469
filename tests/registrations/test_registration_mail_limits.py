"""Confirmation mails per recipient: nobody floods a stranger's inbox by
registering their address for many events from many client addresses."""

import pytest
from django.core import mail
from django.core.cache import cache

from registrations.models import Registration, RegistrationMode
from subscriptions.factories import SubscriberFactory
from tests.registrations.registration_helpers import (
    guest_data,
    register_url,
    registrable_event,
)

LIMITED = "Wir haben vor Kurzem schon Mails an diese Adresse geschickt"


@pytest.fixture
def mail_limits(settings):
    settings.PORTAL_RATE_LIMITS = {
        **settings.PORTAL_RATE_LIMITS,
        "registration_mail": {"recipient": "3/3600", "recipient_page": "1/86400"},
    }
    return settings


@pytest.fixture
def open_event(event_index):
    def make():
        return registrable_event(
            event_index, registration_mode=RegistrationMode.OPEN, capacity=10
        )

    return make


def register(client, page, capture, *, number=0, **fields):
    with capture(execute=True):
        return client.post(
            register_url(page),
            guest_data(client=client, **{"email": "opfer@example.org", **fields}),
            REMOTE_ADDR=f"198.51.100.{number + 1}",
        )


def test_fifteen_events_from_fifteen_addresses_send_the_limit_of_mails(
    client, mail_limits, open_event, django_capture_on_commit_callbacks
):
    statuses = [
        register(
            client, open_event(), django_capture_on_commit_callbacks, number=number
        ).status_code
        for number in range(15)
    ]

    assert statuses == [302] * 3 + [429] * 12
    assert len(mail.outbox) == 3
    assert Registration.objects.count() == 3


def test_the_default_limits_hold_the_flood_too(
    client, open_event, django_capture_on_commit_callbacks
):
    for number in range(15):
        register(
            client, open_event(), django_capture_on_commit_callbacks, number=number
        )

    assert 0 < len(mail.outbox) <= 3


def test_the_limited_visitor_sees_why_and_keeps_the_input(
    client, mail_limits, open_event, django_capture_on_commit_callbacks
):
    for _ in range(3):
        register(client, open_event(), django_capture_on_commit_callbacks)
    page = open_event()

    response = register(
        client, page, django_capture_on_commit_callbacks, name="Hanna Neu"
    )

    assert response.status_code == 429
    assert LIMITED in response.text
    assert 'value="Hanna Neu"' in response.text
    assert not Registration.objects.filter(page=page).exists()


def test_an_address_someone_uses_gets_the_same_answer_as_a_new_one(
    client, mail_limits, open_event, django_capture_on_commit_callbacks, make_user
):
    make_user("opfer")
    SubscriberFactory(email="opfer@example.org")
    answers = []
    for email in ("opfer@example.org", "niemand@example.org"):
        for _ in range(3):
            register(
                client, open_event(), django_capture_on_commit_callbacks, email=email
            )
        response = register(
            client, open_event(), django_capture_on_commit_callbacks, email=email
        )
        answers.append((response.status_code, LIMITED in response.text))

    assert answers == [(429, True), (429, True)]


def test_subaddresses_and_spelling_count_as_the_same_recipient(
    client, mail_limits, open_event, django_capture_on_commit_callbacks
):
    for email in ("Opfer@Example.org", "opfer+1@example.org", " opfer+x@EXAMPLE.org"):
        register(client, open_event(), django_capture_on_commit_callbacks, email=email)

    response = register(
        client,
        open_event(),
        django_capture_on_commit_callbacks,
        email="opfer+neu@example.org",
    )

    assert response.status_code == 429
    assert len(mail.outbox) == 3


def test_another_recipient_is_not_limited_by_a_strangers_mails(
    client, mail_limits, open_event, django_capture_on_commit_callbacks
):
    for _ in range(4):
        register(client, open_event(), django_capture_on_commit_callbacks)

    response = register(
        client,
        open_event(),
        django_capture_on_commit_callbacks,
        email="hanna@example.org",
    )

    assert response.status_code == 302
    assert mail.outbox[-1].to == ["hanna@example.org"]


def test_one_event_mails_one_address_once_a_day(
    client, mail_limits, open_event, django_capture_on_commit_callbacks
):
    page = open_event()
    register(client, page, django_capture_on_commit_callbacks)
    Registration.objects.update(status=Registration.Status.EXPIRED)

    response = register(client, page, django_capture_on_commit_callbacks)

    assert response.status_code == 429
    assert len(mail.outbox) == 1


def test_the_cache_keys_hold_no_address(
    client, mail_limits, open_event, django_capture_on_commit_callbacks
):
    register(client, open_event(), django_capture_on_commit_callbacks)

    keys = list(cache._cache.keys())

    assert any("registration_mail" in key for key in keys)
    assert not any("opfer" in key or "example" in key for key in keys)
