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

Counting is an ``INCR`` in the cache, not a database write, and on Redis one
round trip per counted request (``usage_record``); at most once a minute a
request enqueues ``tracker.tasks.flush_usage_counts`` to move the
totals into ``UsageCount`` (and cron runs ``manage.py flush_usage_counts``).
If the cache is down the count is lost, never the page.
"""

import logging

from .models import Metric
from .services.evaluation import usage_record

logger = logging.getLogger(__name__)

REQUEST_ATTRIBUTE = "tracker_usage"
CALENDAR_URL_NAMES = {
    "news:feed_calendar",
    "news:feed_calendar_district",
    "news:feed_calendar_topic",
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
                flush = usage_record(
                    metric=metric, page_id=int(page_id) if page_id else None
                )
            except Exception:  # a lost count must never cost the page
                logger.exception("Could not count a use of %s", metric)
                return response
            if flush:
                _enqueue_flush()
        return response


def _enqueue_flush():
    from .tasks import flush_usage_counts

    try:
        flush_usage_counts.enqueue()
    except Exception:  # the next minute's request or cron flushes instead
        logger.exception("Could not enqueue the flush of usage counts")
