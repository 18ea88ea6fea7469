"""TASKS_URL=redis://…: tasks go through RQ on the real Redis and an RQ worker
(``manage.py run_worker --batch``, burst mode, forking as in production) runs
them against the real database. Skipped without ``REDIS_URL``.

Each pytest-xdist worker uses its own Redis database, so one test's worker
never takes another's jobs, and only RQ's keys are removed.
"""

import email
import os
from datetime import timedelta
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from core.models import OutgoingMail
from core.outbox import mail_enqueue, outgoing_mail_send
from news.factories import DecisionBriefingPageFactory, SubscriptionFactory
from news.models import BRIEFING_KIND
from portal.settings.services import task_settings
from subscriptions.models import Delivery, PageNotification

REDIS_URL = os.environ.get("REDIS_URL", "")

pytestmark = [
    pytest.mark.skipif(not REDIS_URL, reason="REDIS_URL is not set"),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="the forked RQ work horse needs a database server",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def queue_url() -> str:
    parts = urlsplit(REDIS_URL)
    base = int(parts.path.strip("/") or 0)
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw")
    database = (base + int(worker or 0)) % 16
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", "", ""))


def forget_rq(redis):
    for key in redis.scan_iter("rq:*"):
        redis.delete(key)


@pytest.fixture
def rq(settings, tmp_path):
    """Production's task settings for Redis; mails as files the test reads."""
    import django_rq

    chosen = task_settings(queue_url())
    settings.TASKS = chosen["TASKS"]
    settings.RQ_QUEUES = chosen["RQ_QUEUES"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "mails")
    settings.PORTAL_HEALTH_MAX_TASK_AGE = 60
    queue = django_rq.get_queue("default")
    forget_rq(queue.connection)
    yield queue
    forget_rq(queue.connection)


def sent_mails(settings) -> list[email.message.Message]:
    folder = settings.EMAIL_FILE_PATH
    if not os.path.isdir(folder):
        return []
    messages = []
    for name in sorted(os.listdir(folder)):
        with open(os.path.join(folder, name), encoding="utf-8") as handle:
            for chunk in handle.read().split("-" * 79):
                if chunk.strip():
                    messages.append(email.message_from_string(chunk.strip()))
    return messages


def run_worker():
    call_command("run_worker", batch=True, verbosity=0)


def test_a_mail_enqueued_after_the_commit_waits_in_redis_and_the_worker_sends_it(
    rq, settings
):
    with transaction.atomic():
        mail = mail_enqueue(
            builder="core.outbox.stored_message",
            subject="Willkommen im Mitmachportal",
            body="Hallo",
            from_email="portal@example.org",
            to=["neu@example.org"],
            headers={},
            alternatives=[],
        )
    (job_id,) = rq.job_ids
    assert rq.fetch_job(job_id).kwargs == {"mail_id": mail.pk}

    run_worker()

    result = outgoing_mail_send.get_backend().get_result(job_id)
    assert result.status == "SUCCESSFUL"
    assert result.return_value == 1
    mail.refresh_from_db()
    assert mail.state == OutgoingMail.State.SENT
    (sent,) = sent_mails(settings)
    assert sent["To"] == "neu@example.org"
    assert rq.count == 0


def test_publishing_on_rq_mails_every_subscriber_once(rq, settings, news_index):
    subscribers = {
        s.subscriber.email
        for s in SubscriptionFactory.create_batch(30, kind=BRIEFING_KIND)
    }
    page = DecisionBriefingPageFactory(parent=news_index, live=False)

    page.save_revision().publish()
    assert rq.count >= 1
    run_worker()

    recipients = [message["To"] for message in sent_mails(settings)]
    assert sorted(recipients) == sorted(subscribers)
    notification = PageNotification.objects.get(page=page)
    assert (notification.status, notification.sent) == ("done", 30)


def test_resume_notifications_puts_a_dead_workers_send_back_on_rq(
    rq, settings, news_index
):
    SubscriptionFactory.create_batch(10, kind=BRIEFING_KIND)
    page = DecisionBriefingPageFactory(parent=news_index, live=False)
    page.save_revision().publish()
    run_worker()
    notification = PageNotification.objects.get(page=page)
    # A worker killed after claiming three deliveries, long ago.
    long_ago = timezone.now() - timedelta(hours=1)
    claimed = notification.deliveries.order_by("pk")[:3]
    Delivery.objects.filter(pk__in=[d.pk for d in claimed]).update(
        status=Delivery.Status.SENDING, claimed_at=long_ago, sent_at=None
    )
    PageNotification.objects.filter(pk=notification.pk).update(
        status=PageNotification.Status.SENDING, progressed_at=long_ago
    )
    before = len(sent_mails(settings))

    call_command("resume_notifications", minutes=15, verbosity=0)
    assert rq.count == 1
    run_worker()

    assert len(sent_mails(settings)) == before + 3
    notification.refresh_from_db()
    assert notification.status == "done"
    assert not notification.deliveries.exclude(status=Delivery.Status.SENT).exists()


def test_healthz_on_rq_answers_503_without_a_registered_worker(client, rq):
    response = client.get("/healthz")

    assert response.status_code == 503
    tasks = response.json()["tasks"]
    assert (tasks["status"], tasks["queue"]) == ("no_worker", "redis")
    assert tasks["workers"] == 0


def test_healthz_on_rq_is_ok_with_a_worker_and_a_fresh_job(client, rq):
    from rq import Worker

    worker = Worker([rq], connection=rq.connection, name="healthz-test")
    worker.register_birth()
    try:
        outgoing_mail_send.enqueue(mail_id=0)
        response = client.get("/healthz")
    finally:
        worker.register_death()

    assert response.status_code == 200
    tasks = response.json()["tasks"]
    assert (tasks["status"], tasks["ready"], tasks["workers"]) == ("ok", 1, 1)


def test_healthz_on_rq_answers_503_when_the_oldest_job_waited_too_long(client, rq):
    from rq import Worker

    worker = Worker([rq], connection=rq.connection, name="healthz-test")
    worker.register_birth()
    try:
        result = outgoing_mail_send.enqueue(mail_id=0)
        job = rq.fetch_job(result.id)
        job.enqueued_at = job.enqueued_at - timedelta(minutes=10)
        job.save()
        response = client.get("/healthz")
    finally:
        worker.register_death()

    assert response.status_code == 503
    tasks = response.json()["tasks"]
    assert tasks["status"] == "stalled"
    assert tasks["oldest_ready_seconds"] >= 600
