"""Counting uses of information formats on the server, without cookies.

A page hook (``tracker.wagtail_hooks.evaluation``) marks requests for a
briefing, its print view or an agreement feed; site feeds and calendars are
known by their URL names. Only successful GET requests count, and only a daily
total per page and metric is stored: no account, address or session.

Two middlewares, because the page cache answers repeated anonymous requests
before the view runs: ``UsageMarkMiddleware`` (innermost) writes what a freshly
rendered answer counts for into a header, which the cache stores with the
answer; ``UsageCountMiddleware`` (outside the page cache) counts every answer
carrying the header, cached or not, and removes the header.

Counting is an ``INCR`` in the cache, not a database write. Each process
first adds its counts up in memory (``UsageBuffer``) and sends them at most
every ``PORTAL_USAGE_BUFFER_SECONDS`` (5 in production, 0 = every request) in
one round trip to Redis (``usage_record_many``): a round trip per counted page
cache hit cost the briefing a quarter of its cached throughput. A process that
ends sends what it holds; one that is killed loses those seconds' counts.
At most once a minute a request enqueues
``tracker.tasks.flush_usage_counts`` to move the totals into ``UsageCount``
(and cron runs ``manage.py flush_usage_counts``). If the cache is down the
counts are lost, never the page.
"""

import atexit
import logging
import threading
import time
from collections import Counter

from django.conf import settings
from django.utils import timezone

from .models import Metric
from .services.evaluation import usage_record_many
from .tasks import flush_usage_counts

logger = logging.getLogger(__name__)

REQUEST_ATTRIBUTE = "tracker_usage"
CALENDAR_URL_NAMES = {
    "dialog_feeds:feed_calendar",
    "dialog_feeds:feed_calendar_district",
    "dialog_feeds:feed_calendar_topic",
}


def usage_target(request):
    """``(metric, page id or None)`` this request counts for, or ``None``."""
    marked = getattr(request, REQUEST_ATTRIBUTE, None)
    if marked is not None:
        return marked
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    if match.view_name in CALENDAR_URL_NAMES:
        return Metric.CALENDAR, None
    if match.view_name.startswith("news:feed_"):
        return Metric.FEED, None
    return None


USAGE_HEADER = "X-Portal-Usage"


class UsageMarkMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method == "GET" and response.status_code == 200:
            target = usage_target(request)
            if target is not None:
                metric, page_id = target
                response[USAGE_HEADER] = f"{metric}:{page_id or ''}"
        return response


class UsageBuffer:
    """This process's counts not yet in the cache."""

    def __init__(self):
        self.counts = Counter()
        self.sent_at = time.monotonic()
        self.lock = threading.Lock()

    def add(self, metric: str, page_id: int | None) -> bool:
        """Count one use; True if the counts went out and a flush should start."""
        seconds = getattr(settings, "PORTAL_USAGE_BUFFER_SECONDS", 0)
        with self.lock:
            self.counts[(timezone.localdate(), metric, page_id)] += 1
            if time.monotonic() - self.sent_at < seconds:
                return False
            counts, self.counts = self.counts, Counter()
            self.sent_at = time.monotonic()
        return usage_record_many(counts)

    def send(self) -> None:
        """Send what is held (at the end of the process)."""
        with self.lock:
            counts, self.counts = self.counts, Counter()
            self.sent_at = time.monotonic()
        if counts:
            try:
                usage_record_many(counts, flush_check=False)
            except Exception:
                logger.exception("Could not send %s held usage counts", counts.total())


usage_buffer = UsageBuffer()
atexit.register(usage_buffer.send)


class UsageCountMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        mark = response.get(USAGE_HEADER)
        if mark:
            del response[USAGE_HEADER]
        if mark and request.method == "GET" and response.status_code == 200:
            metric, _, page_id = mark.partition(":")
            if metric not in Metric.values:
                return response
            try:
                flush = usage_buffer.add(metric, int(page_id) if page_id else None)
            except Exception:  # lost counts must never cost the page
                logger.exception("Could not count a use of %s", metric)
                return response
            if flush:
                _enqueue_flush()
        return response


def _enqueue_flush():
    try:
        flush_usage_counts.enqueue()
    except Exception:  # the next minute's request or cron flushes instead
        logger.exception("Could not enqueue the flush of usage counts")
