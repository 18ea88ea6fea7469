"""Background tasks of subscriptions (django-tasks), and what enqueues them.

Development runs them at once (immediate backend); production stores them in
the database and ``manage.py db_worker`` processes run them. Arguments are ids,
never objects, so a task can run in another process. The work itself is in
``services.notifications``; this module only starts it, so the services never
import the tasks.
"""

import math
from datetime import timedelta

from django.db import transaction
from django_tasks import task
from wagtail.models import Page

from .models import PageNotification
from .services import notifications


def notification_start(*, page: Page) -> PageNotification | None:
    """Record the send of a page's first publication and enqueue it after commit.

    Called when a page is published. Republishing, a translation of a page
    already sent, and pages nobody can follow do nothing.
    """
    notification = notifications.notification_create(page=page)
    if notification is not None:
        _enqueue_fan_out(notification.pk)
    return notification


def notification_fan_out(*, notification_id: int) -> int:
    """Write the deliveries of a send (once) and enqueue its batches.

    Returns the number of batch tasks enqueued. Safe to run again: recipients
    are found only once, and batches only take deliveries still queued.
    """
    with transaction.atomic():
        waiting = notifications.notification_recipients_write(
            notification_id=notification_id
        )
        batches = math.ceil(waiting / notifications.BATCH_SIZE)
        for _ in range(batches):
            transaction.on_commit(
                lambda: send_notification_batch.enqueue(notification_id)
            )
    notifications.notification_progress_update(notification_id=notification_id)
    return batches


def notifications_resume(*, stale_after: timedelta | None = None) -> int:
    """Resume sends whose worker died; returns how many were enqueued again.

    The database task backend does not retry a task whose worker stopped, so
    deliveries claimed long ago go back to the queue and their send's fan-out
    task runs again (it only enqueues batches for what is left).
    ``stale_after`` defaults to the deliveries' queue's (``DELIVERIES``).
    """
    with transaction.atomic():
        stale = notifications.notifications_stale_reset(stale_after=stale_after)
        for notification_id in stale:
            _enqueue_fan_out(notification_id)
    return len(stale)


def _enqueue_fan_out(notification_id):
    transaction.on_commit(lambda: fan_out_notification.enqueue(notification_id))


@task()
def fan_out_notification(notification_id: int) -> int:
    """Find the recipients of a newly published page and enqueue its batches."""
    return notification_fan_out(notification_id=notification_id)


@task()
def send_notification_batch(notification_id: int) -> int:
    """Send one batch of a page's immediate mails."""
    return notifications.notification_send_batch(notification_id=notification_id)


@task()
def resume_notifications(stale_minutes: int = 15) -> int:
    """The periodic sweep: resume sends whose worker died."""
    return notifications_resume(stale_after=timedelta(minutes=stale_minutes))


@task()
def send_digests(frequency: str) -> int:
    """Send the daily or weekly digests."""
    return notifications.digests_send(frequency=frequency)
