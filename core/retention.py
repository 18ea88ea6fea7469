"""Retention jobs: personal data is kept no longer than its purpose needs.

Each app that keeps personal data for a limited time registers a job next to
its other hooks:

    @hooks.register("data_retention")
    def registration_retention(*, now):
        return {"registrations_anonymised": 12}   # what was done, counted

:func:`retention_apply` runs every job; the daily ``manage.py apply_retention``
(cron) and the task :func:`retention_apply_task` call it. Jobs must
be idempotent and resumable: they select what is due at ``now``, work in
committed batches and never select a row they already handled, so a second
run does nothing and a killed run is finished by the next one.

:data:`RETENTION_PERIODS` is the one place where each period is set. The jobs,
the consent texts (``%(days)s``) and the privacy page's table read it, so what
people are told and what is done cannot drift apart.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.functional import Promise, lazy
from django.utils.translation import gettext_lazy as _
from django_tasks import task
from wagtail import hooks


@dataclass(frozen=True)
class RetentionPeriod:
    what: Promise
    rule: Promise  # with ``%(days)s``
    days: int | None = None  # None: the session lifetime of the settings

    @property
    def day_count(self) -> int:
        if self.days is None:
            return settings.SESSION_COOKIE_AGE // 86400
        return self.days


RETENTION_PERIODS = {
    "event_registrations": RetentionPeriod(
        what=_("Registrations for events and courses"),
        rule=_(
            "Name, email address, organisation, childcare and accessibility "
            "details are removed %(days)s days after the event or course ended; "
            "only the number of seats taken stays."
        ),
        days=30,
    ),
    "registrations_ended": RetentionPeriod(
        what=_("Working-group memberships and cancelled registrations"),
        rule=_(
            "Kept while you take part; your details are removed %(days)s days "
            "after you leave the working group or cancel."
        ),
        days=30,
    ),
    "unconfirmed_guest_registrations": RetentionPeriod(
        what=_("Guest registrations never confirmed"),
        rule=_(
            "Deleted after %(days)s days if the link in the confirmation mail "
            "was never opened."
        ),
        days=7,
    ),
    "unconfirmed_subscriptions": RetentionPeriod(
        what=_("Email subscriptions never confirmed"),
        rule=_("Deleted after %(days)s days without confirmation."),
        days=7,
    ),
    "sessions": RetentionPeriod(
        what=_("Sessions (browser and IP address of your logged-in devices)"),
        rule=_(
            "Deleted when the session ends, at the latest %(days)s days after "
            "logging in."
        ),
    ),
}


def retention_days(kind: str) -> int:
    return RETENTION_PERIODS[kind].day_count


def retention_period(kind: str) -> timedelta:
    return timedelta(days=retention_days(kind))


def retention_rule(kind: str) -> str:
    """The rule for ``kind`` in the active language, with its number of days."""
    return RETENTION_PERIODS[kind].rule % {"days": retention_days(kind)}


def retention_table() -> list[tuple[str, str]]:
    """``(what, rule)`` for every kind, for the privacy page."""
    return [
        (str(period.what), retention_rule(kind))
        for kind, period in RETENTION_PERIODS.items()
    ]


def retention_apply(*, now: datetime | None = None) -> dict[str, int]:
    """Run every registered retention job; ``{what: count}`` of all of them."""
    now = now or timezone.now()
    counts = {}
    for job in hooks.get_hooks("data_retention"):
        counts.update(job(now=now))
    return counts


@task()
def retention_apply_task() -> dict[str, int]:
    """The daily retention jobs on a worker."""
    return retention_apply()


def retention_consent(text: Promise, kind: str) -> Promise:
    """``text`` (with ``%(days)s``) lazily filled with the period of ``kind``."""
    return lazy(lambda: str(text) % {"days": retention_days(kind)}, str)()
