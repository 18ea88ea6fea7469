"""Background tasks of the news app (django-tasks).

Development runs them at once (immediate backend); production stores them in
the database and ``manage.py db_worker`` processes run them. Arguments are ids,
never objects, so a task can run in another process.
"""

from django_tasks import task

from .services import notifications


@task()
def fan_out_notification(notification_id: int) -> int:
    """Find the recipients of a newly published page and enqueue its batches."""
    return notifications.notification_fan_out(notification_id=notification_id)


@task()
def send_notification_batch(notification_id: int) -> int:
    """Send one batch of a page's immediate mails."""
    return notifications.notification_send_batch(notification_id=notification_id)


@task()
def resume_notifications(stale_minutes: int = 15) -> int:
    """The periodic sweep: resume sends whose worker died."""
    from datetime import timedelta

    return notifications.notifications_resume(
        stale_after=timedelta(minutes=stale_minutes)
    )


@task()
def send_digests(frequency: str) -> int:
    """Send the daily or weekly digests."""
    return notifications.digests_send(frequency=frequency)
