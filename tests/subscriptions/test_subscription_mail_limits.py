"""Subscription confirmation mails per recipient, whoever asks from wherever."""

from django.core import mail
from django.core.cache import cache

from subscriptions.factories import SubscriberFactory
from tests.subscriptions.test_subscriptions import SUBSCRIBE_URL, subscribe_data
from tests.utils import human_form_fields

LIMITED = "Wir haben vor Kurzem schon Mails an diese Adresse geschickt"


def subscribe(client, number, **fields):
    return client.post(
        SUBSCRIBE_URL,
        subscribe_data(
            **{"email": "opfer@example.org", **fields},
            **human_form_fields("subscribe", client=client),
        ),
        REMOTE_ADDR=f"198.51.100.{number + 1}",
    )


def test_fifteen_requests_from_fifteen_addresses_send_one_mail(client, home_page):
    statuses = [subscribe(client, number).status_code for number in range(15)]

    assert statuses == [302] + [429] * 14
    assert len(mail.outbox) == 1


def test_the_limited_visitor_sees_why_in_the_form(client, home_page):
    subscribe(client, 0)

    response = subscribe(client, 1)

    assert response.status_code == 429
    assert LIMITED in response.text
    assert 'value="opfer@example.org"' in response.text


def test_a_subscribed_address_gets_the_same_answers_as_a_new_one(client, home_page):
    SubscriberFactory(email="opfer@example.org")
    known = [subscribe(client, number).status_code for number in range(2)]
    new = [
        client.post(
            SUBSCRIBE_URL,
            subscribe_data(
                email="neu@example.org", **human_form_fields("subscribe", client=client)
            ),
        ).status_code
        for _ in range(2)
    ]

    assert known == new == [302, 429]


def test_subaddresses_count_as_the_same_recipient(client, home_page):
    subscribe(client, 0)

    response = subscribe(client, 1, email="Opfer+news@example.org")

    assert response.status_code == 429
    assert len(mail.outbox) == 1


def test_the_cache_keys_hold_no_address(client, home_page):
    subscribe(client, 0)

    assert not any("opfer" in key for key in cache._cache.keys())
