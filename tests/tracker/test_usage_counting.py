"""Usage counts are cache counters on the request path, moved to the database later."""

import datetime

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tracker.models import Metric, UsageCount
from tracker.services import evaluation, usage_count, usage_counts_flush
from tracker.services.evaluation import FLUSH_LOCK_KEY

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


def stored():
    return {(row.metric, row.page_id): row.count for row in UsageCount.objects.all()}


def test_counts_equal_requests_also_from_the_page_cache(
    client, settings, public_briefing
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    for _ in range(7):
        assert client.get(public_briefing.url).status_code == 200
    client.get(public_briefing.print_url())

    usage_counts_flush()

    assert stored() == {
        (Metric.PAGE_VIEW, public_briefing.pk): 7,
        (Metric.PRINT_VIEW, public_briefing.pk): 1,
    }


def test_a_counted_page_cache_hit_writes_nothing_to_the_database(
    client, settings, public_briefing, django_assert_num_queries
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    settings.PORTAL_USAGE_FLUSH_FROM_REQUESTS = True
    client.get(public_briefing.url)  # stores the page and starts the minute's flush

    with django_assert_num_queries(0):
        hit = client.get(public_briefing.url)

    assert hit.headers["X-Page-Cache"] == "hit"


def test_flushing_twice_gives_the_same_totals(public_briefing):
    for _ in range(3):
        usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_count(metric=Metric.CALENDAR)

    assert usage_counts_flush() == 4
    assert usage_counts_flush() == 0
    assert stored() == {
        (Metric.PAGE_VIEW, public_briefing.pk): 3,
        (Metric.CALENDAR, None): 1,
    }


def test_counts_after_a_flush_are_added_by_the_next_one(public_briefing):
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_counts_flush()
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)

    usage_counts_flush()

    assert stored() == {(Metric.PAGE_VIEW, public_briefing.pk): 3}


def test_a_flush_that_dies_half_way_neither_loses_nor_doubles(
    monkeypatch, public_briefing
):
    for _ in range(2):
        usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    for _ in range(5):
        usage_count(metric=Metric.FEED)
    usage_count(metric=Metric.CALENDAR)
    real_row_for = evaluation._row_for
    calls = []

    def dies_on_the_second_row(*args):
        calls.append(args)
        if len(calls) == 2:
            raise RuntimeError("worker killed")
        return real_row_for(*args)

    monkeypatch.setattr(evaluation, "_row_for", dies_on_the_second_row)
    with pytest.raises(RuntimeError):
        usage_counts_flush()
    assert len(stored()) == 1  # the first row was committed, the rest not
    monkeypatch.setattr(evaluation, "_row_for", real_row_for)

    usage_counts_flush()

    assert stored() == {
        (Metric.PAGE_VIEW, public_briefing.pk): 2,
        (Metric.FEED, None): 5,
        (Metric.CALENDAR, None): 1,
    }


def test_a_counter_lost_from_the_cache_starts_again(public_briefing):
    usage_count(metric=Metric.FEED)
    usage_count(metric=Metric.FEED)
    usage_counts_flush()
    cache.clear()  # Redis restarted: the counter is gone
    usage_count(metric=Metric.FEED)

    usage_counts_flush()

    assert stored() == {(Metric.FEED, None): 3}


def test_yesterdays_counters_are_flushed_into_yesterdays_row(public_briefing):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk, day=yesterday)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)

    usage_counts_flush()

    assert sorted(UsageCount.objects.values_list("date", "count")) == [
        (yesterday, 1),
        (timezone.localdate(), 1),
    ]


def test_requests_enqueue_at_most_one_flush_a_minute(client, settings, public_briefing):
    settings.TASKS = DUMMY_TASKS
    settings.PORTAL_USAGE_FLUSH_FROM_REQUESTS = True
    from django_tasks import default_task_backend

    for _ in range(4):
        client.get(public_briefing.url)
    enqueued = [
        result
        for result in default_task_backend.results
        if result.task.name == "flush_usage_counts"
    ]

    assert len(enqueued) == 1
    assert UsageCount.objects.count() == 0  # nothing ran: the worker flushes
    cache.delete(FLUSH_LOCK_KEY)  # a minute later
    client.get(public_briefing.url)
    assert len(default_task_backend.results) == 2


def test_the_management_command_flushes(public_briefing):
    usage_count(metric=Metric.PRINT_VIEW, page_id=public_briefing.pk)

    call_command("flush_usage_counts", stdout=open("/dev/null", "w"))

    assert stored() == {(Metric.PRINT_VIEW, public_briefing.pk): 1}


def test_report_shows_counts_not_yet_flushed(client, make_user, public_briefing):
    from django.contrib.auth.models import Permission

    analyst = make_user("presse", is_staff=True)
    analyst.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_evaluation_report"),
    )
    cache.add(FLUSH_LOCK_KEY, 1)  # a flush ran this minute: requests do not flush
    for _ in range(3):
        client.get(public_briefing.url)
    assert UsageCount.objects.count() == 0
    client.force_login(analyst)

    response = client.get(reverse("tracker_evaluation_report"), {"export": "briefings"})

    assert response.content.decode("utf-8-sig").splitlines()[1].split(";")[6] == "3"


def test_a_page_is_served_when_the_counting_cache_is_down(
    client, settings, public_briefing
):
    """The count of that request is lost; the reader gets the page."""
    settings.CACHES = {
        **settings.CACHES,
        "usage": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.5},
        },
    }
    settings.PORTAL_USAGE_CACHE = "usage"

    response = client.get(public_briefing.url)

    assert response.status_code == 200
    assert public_briefing.title in response.content.decode()
