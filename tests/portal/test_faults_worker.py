"""A worker dies in the middle of sending: the sweep finishes without duplicates.

The fault: a mail backend that delivers some mails and then raises
``WorkerKilled`` (a ``BaseException``, like a shutdown), out of the task in the
middle of a chunk; or claimed rows left behind as a hard-killed worker leaves
them. Tasks run on the immediate backend, which records the dead task as
failed, as the database backend's worker would.
"""

import datetime
from collections import Counter
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from core.models import OutgoingMail
from core.outbox import outgoing_mails_sweep
from news.factories import DecisionBriefingPageFactory, SubscriptionFactory
from news.models import BRIEFING_KIND
from registrations.models import RegistrationMode
from subscriptions.models import Delivery, PageNotification
from subscriptions.tasks import notifications_resume
from tests.portal.faults import DyingWorker, MailServer, WorkerKilled
from tests.registrations.registration_helpers import (
    guest_data,
    register_url,
    registrable_event,
)
from tracker.factories import AgreementItemFactory, CoalitionAgreementPageFactory
from tracker.models import AGREEMENT_KIND, ItemStatus, StatusMail
from tracker.services.agreements import status_update_create
from tracker.services.notifications import status_mails_resume

pytestmark = pytest.mark.django_db

LONG_AGO = -timedelta(days=1)  # "stale after" that makes every claim stale


@pytest.fixture
def worker(settings):
    return DyingWorker(settings)


def mails_per_recipient():
    return Counter(address for message in mail.outbox for address in message.to)


def test_a_notification_worker_dying_mid_chunk_resumes_without_duplicates(
    news_index, worker, django_capture_on_commit_callbacks
):
    subscribers = {
        s.subscriber.email
        for s in SubscriptionFactory.create_batch(60, kind=BRIEFING_KIND)
    }
    page = DecisionBriefingPageFactory(parent=news_index, live=False)
    worker.dies_after(31)  # one chunk of 25 marked sent, six more out

    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert len(mail.outbox) == 31
    notification = PageNotification.objects.get(page=page)
    assert notification.deliveries.filter(status=Delivery.Status.SENT).count() == 31

    worker.restarts()
    with django_capture_on_commit_callbacks(execute=True):
        assert notifications_resume(stale_after=LONG_AGO) == 1

    assert set(mails_per_recipient()) == subscribers
    assert set(mails_per_recipient().values()) == {1}
    notification.refresh_from_db()
    assert (notification.status, notification.sent) == ("done", 60)


def test_a_status_mail_worker_dying_mid_chunk_resumes_without_duplicates(
    home_page, worker, django_capture_on_commit_callbacks
):
    followers = {
        s.subscriber.email
        for s in SubscriptionFactory.create_batch(40, kind=AGREEMENT_KIND)
    }
    agreement = CoalitionAgreementPageFactory(parent=home_page)
    item = AgreementItemFactory(chapter__agreement=agreement)
    worker.dies_after(30)

    with django_capture_on_commit_callbacks(execute=True):
        status_update_create(
            item=item,
            date=datetime.date(2026, 11, 20),
            status=ItemStatus.IMPLEMENTED,
            progress=100,
        )

    assert len(mail.outbox) == 30
    assert StatusMail.objects.filter(state=StatusMail.State.SENT).count() == 30

    worker.restarts()
    status_mails_resume(stale_after=LONG_AGO)

    assert set(mails_per_recipient()) == followers
    assert set(mails_per_recipient().values()) == {1}
    assert not StatusMail.objects.exclude(state=StatusMail.State.SENT).exists()


@pytest.fixture
def three_waiting_mails(
    client, event_index, settings, django_capture_on_commit_callbacks
):
    """Three guests registered while the mail server was down."""
    event = registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, capacity=10
    )
    mail_server = MailServer(settings)
    mail_server.down()
    for name in ("hanna", "ida", "jule"):
        with django_capture_on_commit_callbacks(execute=True):
            client.post(register_url(event), guest_data(email=f"{name}@example.org"))
    mail_server.up()
    assert OutgoingMail.objects.filter(state="queued").count() == 3
    return ["hanna@example.org", "ida@example.org", "jule@example.org"]


def test_a_sweep_dying_midway_is_finished_by_the_next_without_duplicates(
    three_waiting_mails, worker
):
    worker.dies_after(1)
    with pytest.raises(WorkerKilled):
        outgoing_mails_sweep(now=timezone.now() + timedelta(minutes=2))
    assert len(mail.outbox) == 1

    worker.restarts()
    outgoing_mails_sweep(now=timezone.now() + timedelta(minutes=30))

    assert sorted(mails_per_recipient()) == three_waiting_mails
    assert set(mails_per_recipient().values()) == {1}


def test_mails_a_hard_killed_worker_left_claimed_are_sent_once(three_waiting_mails):
    OutgoingMail.objects.update(
        state=OutgoingMail.State.SENDING,
        claimed_at=timezone.now() - timedelta(hours=1),
    )

    assert outgoing_mails_sweep(now=timezone.now() + timedelta(minutes=2)) == 3
    assert outgoing_mails_sweep(now=timezone.now() + timedelta(minutes=30)) == 0

    assert sorted(mails_per_recipient()) == three_waiting_mails
    assert set(mails_per_recipient().values()) == {1}


def test_mails_a_live_worker_holds_are_left_to_it(three_waiting_mails):
    OutgoingMail.objects.update(
        state=OutgoingMail.State.SENDING, claimed_at=timezone.now()
    )

    assert outgoing_mails_sweep(now=timezone.now() + timedelta(minutes=2)) == 0

    assert mail.outbox == []
