"""Mail server down: registrations and comments succeed, the mails follow later.

News notifications are refused by the same server and retried when it is back.
The fault is real: Django's SMTP backend talks to a local port nobody listens
on, so every attempt ends in ``ConnectionRefusedError``.
"""

import io
from collections import Counter
from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from comments.factories import CommentFactory
from comments.models import Comment
from core.models import OutgoingMail
from core.outbox import MAX_ATTEMPTS, outgoing_mails_sweep
from dialog.factories import ForumPageFactory
from news.factories import DecisionBriefingPageFactory, SubscriptionFactory
from news.models import BRIEFING_KIND
from registrations.models import Registration, RegistrationMode
from subscriptions.models import Delivery, PageNotification
from subscriptions.services.notifications import notification_send_batch
from subscriptions.tasks import notifications_resume
from tests.conftest import PASSWORD
from tests.portal.faults import MailServer
from tests.registrations.registration_helpers import (
    GUEST,
    register_url,
    registrable_event,
)
from tests.utils import human_form_fields

pytestmark = pytest.mark.django_db

State = OutgoingMail.State
LONG_AGO = -timedelta(days=1)  # "stale after" that makes every send stale


@pytest.fixture
def mail_server(settings):
    return MailServer(settings)


@pytest.fixture
def council(event_index):
    return registrable_event(
        event_index, title="Themenrat Mieten", registration_mode=RegistrationMode.OPEN
    )


@pytest.fixture
def conference(event_index):
    return registrable_event(event_index, title="Basiskonferenz Wohnen")


@pytest.fixture
def open_forum(home_page):
    return ForumPageFactory(
        parent=home_page, comments_mode="logged_in", moderation="post"
    )


def later(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def mails_per_recipient():
    return Counter(address for message in mail.outbox for address in message.to)


def test_guest_registers_while_the_mail_server_is_down(
    client, council, mail_server, django_capture_on_commit_callbacks
):
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(council), GUEST, follow=True)

    assert response.status_code == 200
    assert "Fast geschafft" in response.text
    registration = Registration.objects.get(email="hanna@example.org")
    assert registration.status == Registration.Status.UNCONFIRMED
    assert mail.outbox == []
    waiting = OutgoingMail.objects.get()
    assert (waiting.state, waiting.attempts) == (State.QUEUED, 1)
    assert waiting.error == "ConnectionRefusedError"
    assert "hanna" not in str(waiting.arguments)


def test_guest_gets_the_confirmation_mail_once_the_server_is_back(
    client, council, mail_server, django_capture_on_commit_callbacks
):
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)
    mail_server.up()

    assert outgoing_mails_sweep() == 0  # the pause after a failure is not over
    assert outgoing_mails_sweep(now=later(2)) == 1
    assert outgoing_mails_sweep(now=later(60)) == 0

    assert mails_per_recipient() == {"hanna@example.org": 1}
    assert "/mitmachen/anmeldung/bestaetigen/" in mail.outbox[0].body
    assert OutgoingMail.objects.get().state == State.SENT


def test_member_registers_while_the_mail_server_is_down(
    client, conference, member_user, mail_server, django_capture_on_commit_callbacks
):
    client.force_login(member_user)
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(conference), {"consent": "on"})

    assert response.status_code == 302
    registration = Registration.objects.get(user=member_user)
    assert registration.status == Registration.Status.CONFIRMED
    assert "Deine Anmeldung ist bestätigt" in client.get(response.url).text
    assert mail.outbox == []

    mail_server.up()
    assert outgoing_mails_sweep(now=later(2)) == 1
    assert outgoing_mails_sweep(now=later(60)) == 0
    assert mails_per_recipient() == {member_user.email: 1}
    assert mail.outbox[0].attachments  # the calendar file


def test_reply_is_published_while_the_mail_server_is_down(
    client,
    member_user,
    make_user,
    open_forum,
    mail_server,
    django_capture_on_commit_callbacks,
):
    parent = CommentFactory(page=open_forum, author=member_user, notify_on_reply=True)
    client.force_login(make_user("karl"))
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("comments:comment_reply", args=[parent.pk]),
            {"body": "Stimmt, gute Idee!"},
            follow=True,
        )

    assert response.status_code == 200
    assert "Stimmt, gute Idee!" in response.text
    assert Comment.objects.filter(body="Stimmt, gute Idee!", parent=parent).exists()
    assert mail.outbox == []

    mail_server.up()
    assert outgoing_mails_sweep(now=later(2)) == 1
    assert outgoing_mails_sweep(now=later(60)) == 0
    assert mails_per_recipient() == {member_user.email: 1}


def test_the_cron_command_sends_what_waited(
    client, council, mail_server, django_capture_on_commit_callbacks
):
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)
    mail_server.up()
    OutgoingMail.objects.update(next_attempt_at=timezone.now())

    call_command("send_queued_mails", stdout=io.StringIO())
    call_command("send_queued_mails", stdout=io.StringIO())

    assert mails_per_recipient() == {"hanna@example.org": 1}


def test_a_sweep_while_the_server_is_still_down_waits_longer(
    client, council, mail_server, django_capture_on_commit_callbacks
):
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)

    assert outgoing_mails_sweep(now=later(2)) == 0

    waiting = OutgoingMail.objects.get()
    assert (waiting.state, waiting.attempts) == (State.QUEUED, 2)
    assert waiting.next_attempt_at > later(6)
    assert mail.outbox == []


def test_a_mail_the_server_keeps_refusing_is_given_up(
    client, council, mail_server, django_capture_on_commit_callbacks
):
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)

    for half_day in range(1, MAX_ATTEMPTS + 2):
        outgoing_mails_sweep(now=later(half_day * 12 * 60))

    waiting = OutgoingMail.objects.get()
    assert (waiting.state, waiting.attempts) == (State.FAILED, MAX_ATTEMPTS)
    assert Registration.objects.count() == 1


def test_a_registration_deleted_before_its_mail_gets_none(
    client, council, mail_server, django_capture_on_commit_callbacks
):
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)
    Registration.objects.all().delete()
    mail_server.up()

    assert outgoing_mails_sweep(now=later(2)) == 0

    assert mail.outbox == []
    assert OutgoingMail.objects.get().state == State.DROPPED


def test_finished_mails_are_forgotten_after_a_week(
    client, council, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)
    assert OutgoingMail.objects.get().state == State.SENT

    outgoing_mails_sweep(now=later(8 * 24 * 60))

    assert not OutgoingMail.objects.exists()
    assert len(mail.outbox) == 1


def test_sign_up_while_the_mail_server_is_down_mails_the_link_later(
    client, home_page, mail_server
):
    mail_server.down()

    response = client.post(
        reverse("members:signup"),
        {
            "email": "clara@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "display_name": "Clara Z.",
            **human_form_fields("signup"),
        },
    )

    assert response.status_code == 302
    assert get_user_model().objects.filter(email="clara@example.org").exists()
    assert mail.outbox == []

    mail_server.up()
    assert outgoing_mails_sweep(now=later(2)) == 1
    assert outgoing_mails_sweep(now=later(60)) == 0
    assert mails_per_recipient() == {"clara@example.org": 1}
    assert "/konto/confirm-email/" in mail.outbox[0].body
    assert OutgoingMail.objects.get().arguments == {}  # the link is gone


def test_a_notification_refused_by_a_down_server_is_sent_once_it_is_back(
    news_index, mail_server, django_capture_on_commit_callbacks
):
    subscribers = {
        s.subscriber.email
        for s in SubscriptionFactory.create_batch(30, kind=BRIEFING_KIND)
    }
    page = DecisionBriefingPageFactory(parent=news_index, live=False)
    mail_server.down()

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    notification = PageNotification.objects.get(page=page)
    assert mail.outbox == []
    # the first chunk was refused and waits; sending stopped there
    assert set(notification.deliveries.values_list("status", flat=True)) == {
        Delivery.Status.QUEUED
    }
    assert notification.deliveries.filter(attempts=1).count() == 25
    assert notifications_resume(stale_after=LONG_AGO) == 1  # not due yet
    assert mail.outbox == []

    mail_server.up()
    notification.deliveries.update(next_attempt_at=timezone.now())
    with django_capture_on_commit_callbacks(execute=True):
        notifications_resume(stale_after=LONG_AGO)
    with django_capture_on_commit_callbacks(execute=True):
        notifications_resume(stale_after=LONG_AGO)

    assert mails_per_recipient() == dict.fromkeys(subscribers, 1)
    notification.refresh_from_db()
    assert (notification.status, notification.sent) == ("done", 30)


def test_a_notification_the_server_keeps_refusing_is_given_up(
    news_index, mail_server, django_capture_on_commit_callbacks
):
    SubscriptionFactory(kind=BRIEFING_KIND)
    page = DecisionBriefingPageFactory(parent=news_index, live=False)
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    notification = PageNotification.objects.get(page=page)

    for _attempt in range(MAX_ATTEMPTS + 1):
        notification.deliveries.update(next_attempt_at=timezone.now())
        notification_send_batch(notification_id=notification.pk)

    delivery = notification.deliveries.get()
    assert (delivery.status, delivery.attempts) == (
        Delivery.Status.FAILED,
        MAX_ATTEMPTS,
    )
    assert delivery.error == "ConnectionRefusedError"
    notification.refresh_from_db()
    assert (notification.status, notification.failed) == ("done", 1)
