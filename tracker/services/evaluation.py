"""Members' answers on briefings and the anonymous daily usage counters."""

import datetime

from django.conf import settings
from django.core.cache import caches
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_redis.cache import RedisCache

from news.models import DecisionBriefingPage

from ..models import BriefingFeedback, CoalitionAgreementPage, Metric, UsageCount

COUNTER_PREFIX = "tracker:usage:"
# One set per day of the counters requests touched: the flush reads only those.
TOUCHED_PREFIX = "tracker:usage-touched:"
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


def _touched_key(day) -> str:
    return f"{TOUCHED_PREFIX}{day.isoformat()}"


def _target_of(name: str):
    """``(day, metric, page id)`` of a counter key; ``None`` for anything else."""
    day, _, rest = name.removeprefix(COUNTER_PREFIX).partition(":")
    metric, _, page_id = rest.partition(":")
    try:
        day = datetime.date.fromisoformat(day)
        page_id = int(page_id)
    except ValueError:
        return None
    if metric not in Metric.values:
        return None
    return day, metric, page_id or None


def usage_cache():
    return caches[getattr(settings, "PORTAL_USAGE_CACHE", "default")]


def _redis_of(counters):
    """The Redis connection behind a django-redis cache, ``None`` for others."""
    if not isinstance(counters, RedisCache):
        return None
    return counters.client.get_client(write=True)


def usage_record(
    *, metric: str, page_id: int | None = None, day=None, flush_check: bool = True
) -> bool:
    """Count one use of ``metric``; True if this request should start a flush."""
    day = day or timezone.localdate()
    return usage_record_many({(day, metric, page_id): 1}, flush_check=flush_check)


def usage_record_many(counts: dict, *, flush_check: bool = True) -> bool:
    """Add ``counts`` (``{(day, metric, page id): uses}``) to the day's counters.

    True if the caller should start a flush. On Redis this is one round trip, a
    ``MULTI`` of: ``INCRBY`` of each counter, ``SADD`` of its name to the day's
    set of touched counters (the flush reads only those), ``EXPIRE`` of both
    and, when requests start flushes, ``SET NX`` of the minute's flush lock.
    Counters and touched marks are written together or not at all. Other caches
    (local memory in tests and development) take the portable path.
    """
    flush_check = flush_check and getattr(
        settings, "PORTAL_USAGE_FLUSH_FROM_REQUESTS", True
    )
    counters = usage_cache()
    redis = _redis_of(counters)
    if redis is None:
        for (day, metric, page_id), uses in counts.items():
            name = _counter_key(day, metric, page_id)
            try:
                counters.incr(name, uses)
            except ValueError:  # the day's first count, or the counter was evicted
                if not counters.add(name, uses, COUNTER_SECONDS):
                    counters.incr(name, uses)
        return flush_check and bool(
            counters.add(FLUSH_LOCK_KEY, 1, FLUSH_INTERVAL_SECONDS)
        )
    pipe = redis.pipeline(transaction=True)
    for (day, metric, page_id), uses in counts.items():
        name = _counter_key(day, metric, page_id)
        touched = counters.make_key(_touched_key(day))
        counter = counters.make_key(name)
        pipe.incrby(counter, uses)
        pipe.expire(counter, COUNTER_SECONDS)
        pipe.sadd(touched, name)
        pipe.expire(touched, COUNTER_SECONDS)
    if flush_check:
        lock = counters.make_key(FLUSH_LOCK_KEY)
        pipe.set(lock, 1, nx=True, ex=FLUSH_INTERVAL_SECONDS)
    answers = pipe.execute()
    return flush_check and bool(answers[-1])


def usage_count(*, metric: str, page_id: int | None = None, day=None) -> None:
    """Add one to the day's counter of ``metric`` (for ``page_id``, or site-wide).

    The counter lives in the cache (an atomic ``INCR`` in Redis), so a counted
    request costs no database write; ``usage_counts_flush`` moves the totals
    into ``UsageCount``. Counters are never reset by a flush: the row keeps how
    much of the counter it already holds (``cache_total``).
    """
    usage_record(metric=metric, page_id=page_id, day=day, flush_check=False)


def _counted_targets():
    """Every ``(metric, page id)`` a request can count for (see the middleware)."""
    targets = [(Metric.FEED, None), (Metric.CALENDAR, None)]
    for page_id in DecisionBriefingPage.objects.values_list("pk", flat=True):
        targets += [(Metric.PAGE_VIEW, page_id), (Metric.PRINT_VIEW, page_id)]
    for page_id in CoalitionAgreementPage.objects.values_list("pk", flat=True):
        targets.append((Metric.FEED, page_id))
    return targets


def _counter_names(days) -> dict[str, tuple]:
    """``{counter key: (day, metric, page id)}`` of the counters to flush.

    On Redis only the counters requests touched (one ``SMEMBERS`` per day, in
    one round trip), less those of deleted pages; elsewhere every counter a
    request could have made.
    """
    counters = usage_cache()
    redis = _redis_of(counters)
    if redis is None:
        return {
            _counter_key(day, metric, page_id): (day, metric, page_id)
            for day in days
            for metric, page_id in _counted_targets()
        }
    pipe = redis.pipeline(transaction=False)
    for day in days:
        pipe.smembers(counters.make_key(_touched_key(day)))
    names = {}
    for members in pipe.execute():
        for member in members:
            name = member.decode() if isinstance(member, bytes) else member
            target = _target_of(name)
            if target is not None:
                names[name] = target
    page_ids = {page_id for _day, _metric, page_id in names.values() if page_id}
    if page_ids:
        from wagtail.models import Page

        existing = set(
            Page.objects.filter(pk__in=page_ids).values_list("pk", flat=True)
        )
        names = {
            name: target
            for name, target in names.items()
            if target[2] is None or target[2] in existing
        }
    return names


def _pending_counters(days) -> dict[tuple, int]:
    """``{(day, metric, page id): counter}`` of the counters in the cache."""
    keys = _counter_names(days)
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
    again from zero. The counter is read again under the row's lock: a flush
    running in parallel may have stored a newer value meanwhile, and the value
    read before would look like a counter that started again. Returns the
    number of counts added.
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
            value = int(usage_cache().get(_counter_key(day, metric, page_id)) or 0)
            new = value - row.cache_total if value >= row.cache_total else value
            if new:
                row.count += new
                row.cache_total = value
                row.save(update_fields=["count", "cache_total"])
                added += new
    return added
