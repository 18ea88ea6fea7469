"""Background tasks of the tracker (django-tasks); arguments are ids."""

from datetime import timedelta

from django_tasks import task

from .services import notifications
from .services.evaluation import usage_counts_flush


@task()
def send_status_mails(update_id: int) -> int:
    """Tell the subscribers of the coalition tracker about one status change."""
    return notifications.status_mails_send(update_id=update_id)


@task()
def send_status_digests(frequency: str) -> int:
    """Send the daily or weekly digest of status changes."""
    return notifications.status_digests_send(frequency=frequency)


@task()
def resume_status_mails(stale_minutes: int = 15) -> int:
    """The periodic sweep: send what a dead worker left claimed and due retries."""
    return notifications.status_mails_resume(
        stale_after=timedelta(minutes=stale_minutes)
    )


@task()
def flush_usage_counts() -> int:
    """Move the day's usage counters from the cache into ``UsageCount``."""
    return usage_counts_flush()
