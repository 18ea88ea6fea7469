"""Members' answers on briefings and the anonymous daily usage counters."""

import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import BriefingFeedback, Metric, UsageCount

COUNTER_PREFIX = "tracker:usage:"
FLUSH_LOCK_KEY = "tracker:usage-flush-lock"
FLUSH_INTERVAL_SECONDS = 60
# A day's counters are flushed for this many days (today included) and live a
# day longer in the cache; cron runs flush_usage_counts far more often.
FLUSH_DAYS = 3
COUNTER_SECONDS = 60 * 60 * 24 * (FLUSH_DAYS + 1)


@transaction.atomic
def feedback_save(*, briefing, user, answer: str, remark: str = "") -> BriefingFeedback:
    """A member's one answer on ``briefing``; answering again changes it."""
    feedback, _created = BriefingFeedback.objects.update_or_create(
        briefing=briefing,
        user=user,
        defaults={
            "answer": answer,
            "remark": remark.strip(),
            "consented_at": timezone.now(),
        },
    )
    return feedback


@transaction.atomic
def feedback_withdraw(*, briefing, user) -> bool:
    deleted, _rows = BriefingFeedback.objects.filter(
        briefing=briefing, user=user
    ).delete()
    return bool(deleted)


def _counter_key(day, metric: str, page_id: int | None) -> str:
    return f"{COUNTER_PREFIX}{day.isoformat()}:{metric}:{page_id or 0}"


def usage_cache():
    return caches[getattr(settings, "PORTAL_USAGE_CACHE", "default")]


def usage_count(*, metric: str, page_id: int | None = None, day=None) -> None:
    """Add one to the day's counter of ``metric`` (for ``page_id``, or site-wide).

    The counter lives in the cache (an atomic ``INCR`` in Redis), so a counted
    request costs no database write; ``usage_counts_flush`` moves the totals
    into ``UsageCount``. Counters are never reset by a flush: the row keeps how
    much of the counter it already holds (``cache_total``).
    """
    day = day or timezone.localdate()
    key = _counter_key(day, metric, page_id)
    counters = usage_cache()
    try:
        counters.incr(key)
    except ValueError:  # the day's first count, or the counter was evicted
        if not counters.add(key, 1, COUNTER_SECONDS):
            counters.incr(key)


def usage_flush_due() -> bool:
    """True for the first caller in a minute: that request starts a flush."""
    if not getattr(settings, "PORTAL_USAGE_FLUSH_FROM_REQUESTS", True):
        return False
    return usage_cache().add(FLUSH_LOCK_KEY, 1, FLUSH_INTERVAL_SECONDS)


def _counted_targets():
    """Every ``(metric, page id)`` a request can count for (see the middleware)."""
    from news.models import DecisionBriefingPage

    from ..models import CoalitionAgreementPage

    targets = [(Metric.FEED, None), (Metric.CALENDAR, None)]
    for page_id in DecisionBriefingPage.objects.values_list("pk", flat=True):
        targets += [(Metric.PAGE_VIEW, page_id), (Metric.PRINT_VIEW, page_id)]
    for page_id in CoalitionAgreementPage.objects.values_list("pk", flat=True):
        targets.append((Metric.FEED, page_id))
    return targets


def _pending_counters(days) -> dict[tuple, int]:
    """``{(day, metric, page id): counter}`` of every counter in the cache."""
    keys = {
        _counter_key(day, metric, page_id): (day, metric, page_id)
        for day in days
        for metric, page_id in _counted_targets()
    }
    names = list(keys)
    found = {}
    for start in range(0, len(names), 1000):
        found.update(usage_cache().get_many(names[start : start + 1000]))
    return {keys[name]: int(value) for name, value in found.items() if value}


def _row_for(day, metric, page_id):
    rows = UsageCount.objects.select_for_update().filter(
        date=day, metric=metric, page_id=page_id
    )
    row = rows.first()
    if row is not None:
        return row
    try:
        with transaction.atomic():
            return UsageCount.objects.create(date=day, metric=metric, page_id=page_id)
    except IntegrityError:  # a parallel flush made it
        return rows.get()


def usage_counts_flush(*, days: int = FLUSH_DAYS) -> int:
    """Move the cache counters of the last ``days`` days into ``UsageCount``.

    Idempotent and resumable: each row is updated in its own transaction with
    the counter value it now holds, so a second run (or one after a crash
    half-way) adds only what was counted since. A counter lower than what the
    row holds was lost from the cache (evicted, Redis restarted) and started
    again from zero. Returns the number of counts added.
    """
    today = timezone.localdate()
    pending = _pending_counters(
        [today - datetime.timedelta(days=back) for back in range(days)]
    )
    if not pending:
        return 0
    held = {
        (row.date, row.metric, row.page_id): row.cache_total
        for row in UsageCount.objects.filter(
            date__in={day for day, _metric, _page in pending}
        ).only("date", "metric", "page_id", "cache_total")
    }
    added = 0
    for (day, metric, page_id), value in pending.items():
        if held.get((day, metric, page_id)) == value:
            continue
        with transaction.atomic():
            row = _row_for(day, metric, page_id)
            new = value - row.cache_total if value >= row.cache_total else value
            if new:
                row.count += new
                row.cache_total = value
                row.save(update_fields=["count", "cache_total"])
                added += new
    return added
