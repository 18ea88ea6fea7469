"""Status changes can be followed by email like a topic."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse

from news.factories import SubscriberFactory, SubscriptionFactory
from news.models.subscriptions import ContentKind, Frequency
from tracker.models import ItemStatus, StatusMail
from tracker.services import status_update_create
from tracker.services.notifications import status_digests_send, status_mails_send


def change(item, **extra):
    return status_update_create(
        item=item,
        date=datetime.date(2026, 11, 20),
        status=ItemStatus.IMPLEMENTED,
        progress=100,
        note="Beschlossen.",
        **extra,
    )


@pytest.fixture
def follower(db):
    subscription = SubscriptionFactory(kind=ContentKind.AGREEMENT)
    return subscription.subscriber


def test_subscribe_form_offers_the_coalition_tracker(client, home_page):
    response = client.get(reverse("news:subscription_subscribe") + "?kind=agreement")

    html = response.content.decode()
    assert 'value="agreement"' in html
    assert "checked" in html.split('value="agreement"')[1][:40]


def test_follower_gets_a_mail_on_a_status_change(
    rent_item, follower, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item)

    (message,) = mail.outbox
    assert message.to == [follower.email]
    assert "1.1" in message.subject
    assert "Beschlossen." in message.body
    assert "/kapitel/1/punkt/1/" in message.body
    assert "List-Unsubscribe" in message.extra_headers


def test_a_status_change_is_mailed_only_once(
    rent_item, follower, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        update = change(rent_item)

    assert status_mails_send(update_id=update.pk) == 0
    assert len(mail.outbox) == 1
    assert StatusMail.objects.get().state == StatusMail.State.SENT


def test_topic_and_unconfirmed_subscribers_get_no_status_mail(
    rent_item, housing, django_capture_on_commit_callbacks
):
    SubscriptionFactory(topic=housing)
    SubscriptionFactory(
        kind=ContentKind.AGREEMENT, subscriber=SubscriberFactory(confirmed_at=None)
    )

    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item)

    assert mail.outbox == []


def test_digest_subscribers_get_all_changes_in_one_mail(
    rent_item, tram_item, django_capture_on_commit_callbacks
):
    SubscriptionFactory(kind=ContentKind.AGREEMENT, frequency=Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item)
        change(tram_item)
    assert mail.outbox == []

    assert status_digests_send(frequency=Frequency.WEEKLY) == 1
    assert status_digests_send(frequency=Frequency.WEEKLY) == 0

    (message,) = mail.outbox
    assert "Mietendeckel" in message.body and "Straßenbahn" in message.body


def test_imported_changes_send_no_mail(
    rent_item, follower, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item, notify=False)

    assert mail.outbox == []


def test_mails_a_dead_worker_left_claimed_are_sent_by_the_sweep(rent_item, follower):
    from datetime import timedelta

    from django.utils import timezone

    from tracker.services.notifications import status_mails_resume

    update = change(rent_item, notify=False)
    StatusMail.objects.create(
        update=update,
        subscriber=follower,
        frequency=Frequency.IMMEDIATE,
        state=StatusMail.State.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
    )

    assert status_mails_resume() == 1
    assert status_mails_resume() == 0
    assert len(mail.outbox) == 1
    assert StatusMail.objects.get().state == StatusMail.State.SENT


def test_digest_command_sends_the_weekly_status_digest(
    rent_item, django_capture_on_commit_callbacks
):
    import io

    from django.core.management import call_command

    SubscriptionFactory(kind=ContentKind.AGREEMENT, frequency=Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item)
    out = io.StringIO()

    call_command("send_status_digests", frequency="weekly", stdout=out)

    assert "Sent 1 weekly status digest" in out.getvalue()
    assert len(mail.outbox) == 1
