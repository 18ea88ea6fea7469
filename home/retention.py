"""Retention jobs: personal data is kept no longer than its purpose needs.

Each app that keeps personal data for a limited time registers a job next to
its other hooks:

    @hooks.register("data_retention")
    def registration_retention(*, now):
        return {"registrations_anonymised": 12}   # what was done, counted

:func:`retention_apply` runs every job; the daily ``manage.py apply_retention``
(cron) and the task :func:`home.tasks.retention_apply_task` call it. Jobs must
be idempotent and resumable: they select what is due at ``now``, work in
committed batches and never select a row they already handled, so a second
run does nothing and a killed run is finished by the next one.
"""

from datetime import datetime

from django.utils import timezone
from wagtail import hooks


def retention_apply(*, now: datetime | None = None) -> dict[str, int]:
    """Run every registered retention job; ``{what: count}`` of all of them."""
    now = now or timezone.now()
    counts = {}
    for job in hooks.get_hooks("data_retention"):
        counts.update(job(now=now))
    return counts
