"""Status changes can be followed by email like a topic."""

import datetime
import io
import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.outbox import MAX_ATTEMPTS
from news.factories import SubscriptionFactory
from subscriptions.factories import SubscriberFactory
from subscriptions.models import Frequency
from tests.portal.faults import MailServer
from tracker.models import AGREEMENT_KIND, ItemStatus, StatusMail
from tracker.services.agreements import status_update_create
from tracker.services.notifications import (
    status_digests_send,
    status_mails_resume,
    status_mails_send,
)


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
    subscription = SubscriptionFactory(kind=AGREEMENT_KIND)
    return subscription.subscriber


def test_subscribe_form_offers_the_coalition_tracker(client, home_page):
    response = client.get(
        reverse("subscriptions:subscription_subscribe") + "?kind=agreement"
    )

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
        kind=AGREEMENT_KIND, subscriber=SubscriberFactory(confirmed_at=None)
    )

    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item)

    assert mail.outbox == []


def test_digest_subscribers_get_all_changes_in_one_mail(
    rent_item, tram_item, django_capture_on_commit_callbacks
):
    SubscriptionFactory(kind=AGREEMENT_KIND, frequency=Frequency.WEEKLY)
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
    SubscriptionFactory(kind=AGREEMENT_KIND, frequency=Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item)
    out = io.StringIO()

    call_command("send_status_digests", frequency="weekly", stdout=out)

    assert "Sent 1 weekly status digest" in out.getvalue()
    assert len(mail.outbox) == 1


@pytest.fixture
def followers(db):
    return [
        subscription.subscriber
        for subscription in SubscriptionFactory.create_batch(3, kind=AGREEMENT_KIND)
    ]


@pytest.fixture
def mail_server(settings):
    return MailServer(settings)


def refuse(code, *, only=None):
    """A mail backend answering ``code`` for ``only`` (an address) or everyone."""
    deliver = EmailBackend.send_messages

    def send_messages(self, messages):
        address = messages[0].to[0]
        if only is None or address == only:
            raise smtplib.SMTPRecipientsRefused({address: (code, b"refused")})
        return deliver(self, messages)

    return send_messages


def test_status_mails_the_mail_server_cannot_take_wait_in_the_queue(
    rent_item, followers, mail_server
):
    update = change(rent_item, notify=False)
    mail_server.down()

    assert status_mails_send(update_id=update.pk) == 0

    assert mail.outbox == []
    mails = StatusMail.objects.all()
    assert {(m.state, m.attempts, m.error) for m in mails} == {
        (StatusMail.State.QUEUED, 1, "ConnectionRefusedError")
    }
    assert all(m.next_attempt_at > timezone.now() for m in mails)


def test_the_sweep_sends_waiting_status_mails_once_they_are_due(
    rent_item, followers, mail_server
):
    update = change(rent_item, notify=False)
    mail_server.down()
    status_mails_send(update_id=update.pk)
    mail_server.up()

    assert status_mails_resume() == 0  # not due yet
    later = timezone.now() + timedelta(minutes=2)
    assert status_mails_resume(now=later) == 3
    assert status_mails_resume(now=later) == 0

    assert sorted(m.to[0] for m in mail.outbox) == sorted(f.email for f in followers)
    assert set(StatusMail.objects.values_list("state", flat=True)) == {
        StatusMail.State.SENT
    }


def test_status_mails_the_server_keeps_refusing_are_given_up(
    rent_item, follower, mail_server
):
    update = change(rent_item, notify=False)
    mail_server.down()
    status_mails_send(update_id=update.pk)

    start = timezone.now()
    for day in range(1, MAX_ATTEMPTS + 1):
        status_mails_resume(now=start + timedelta(days=day))

    status_mail = StatusMail.objects.get()
    assert (status_mail.state, status_mail.attempts) == (
        StatusMail.State.FAILED,
        MAX_ATTEMPTS,
    )
    mail_server.up()
    assert status_mails_resume(now=start + timedelta(days=30)) == 0
    assert mail.outbox == []


def test_a_refused_address_fails_and_the_other_followers_get_the_mail(
    rent_item, followers, monkeypatch
):
    refused = followers[1]
    monkeypatch.setattr(EmailBackend, "send_messages", refuse(550, only=refused.email))
    update = change(rent_item, notify=False)

    assert status_mails_send(update_id=update.pk) == 2

    assert refused.email not in [m.to[0] for m in mail.outbox]
    failed = StatusMail.objects.get(state=StatusMail.State.FAILED)
    assert (failed.subscriber, failed.error) == (refused, "SMTPRecipientsRefused 550")
    assert StatusMail.objects.filter(state=StatusMail.State.SENT).count() == 2


def test_an_address_the_server_defers_is_tried_again_later(
    rent_item, followers, monkeypatch
):
    deferred = followers[0]
    monkeypatch.setattr(EmailBackend, "send_messages", refuse(451, only=deferred.email))
    update = change(rent_item, notify=False)

    assert status_mails_send(update_id=update.pk) == 2

    waiting = StatusMail.objects.get(subscriber=deferred)
    assert (waiting.state, waiting.attempts) == (StatusMail.State.QUEUED, 1)
    assert waiting.next_attempt_at > timezone.now()


@pytest.fixture
def weekly_changes(rent_item, tram_item, django_capture_on_commit_callbacks):
    SubscriptionFactory(kind=AGREEMENT_KIND, frequency=Frequency.WEEKLY)
    with django_capture_on_commit_callbacks(execute=True):
        change(rent_item)
        change(tram_item)


def test_a_digest_the_server_defers_waits_for_the_next_run(weekly_changes, monkeypatch):
    monkeypatch.setattr(EmailBackend, "send_messages", refuse(421))

    assert status_digests_send(frequency=Frequency.WEEKLY) == 0

    assert set(StatusMail.objects.values_list("state", "attempts")) == {
        (StatusMail.State.QUEUED, 1)
    }
    monkeypatch.undo()
    assert status_digests_send(frequency=Frequency.WEEKLY) == 1
    (message,) = mail.outbox
    assert "Mietendeckel" in message.body and "Straßenbahn" in message.body


def test_a_digest_deferred_too_often_is_given_up(weekly_changes, monkeypatch):
    StatusMail.objects.update(attempts=MAX_ATTEMPTS - 1)
    monkeypatch.setattr(EmailBackend, "send_messages", refuse(421))

    status_digests_send(frequency=Frequency.WEEKLY)

    assert set(StatusMail.objects.values_list("state", "attempts")) == {
        (StatusMail.State.FAILED, MAX_ATTEMPTS)
    }


def test_a_refused_digest_fails_with_the_reason(weekly_changes, monkeypatch):
    monkeypatch.setattr(EmailBackend, "send_messages", refuse(550))

    assert status_digests_send(frequency=Frequency.WEEKLY) == 0

    assert set(StatusMail.objects.values_list("state", "error")) == {
        (StatusMail.State.FAILED, "SMTPRecipientsRefused 550")
    }


def test_resume_command_sends_the_status_mails_that_are_due(
    rent_item, follower, mail_server
):
    update = change(rent_item, notify=False)
    mail_server.down()
    status_mails_send(update_id=update.pk)
    mail_server.up()
    StatusMail.objects.update(next_attempt_at=timezone.now())
    out = io.StringIO()

    call_command("resume_status_mails", stdout=out)

    assert "Sent 1 waiting status mail" in out.getvalue()
    assert [m.to for m in mail.outbox] == [[follower.email]]
