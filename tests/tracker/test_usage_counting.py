"""Usage counts are cache counters on the request path, moved to the database later.

The counting and flushing tests run on the local-memory cache and, with
``REDIS_URL`` set, on Redis (one round trip per count, only touched counters
flushed); each Redis run uses its own key prefix and removes its keys.
"""

import datetime
import os
import uuid

import pytest
import redis
from django.core.cache import cache, caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tracker.models import Metric, UsageCount
from tracker.services import evaluation
from tracker.services.evaluation import FLUSH_LOCK_KEY, usage_count, usage_counts_flush

DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
REDIS_URL = os.environ.get("REDIS_URL", "")


@pytest.fixture(params=["local memory", "redis"])
def counters(request, settings):
    """The cache the counters live in: the default one, or production's Redis."""
    if request.param == "local memory":
        yield cache
        return
    if not REDIS_URL:
        pytest.skip("REDIS_URL is not set")
    from portal.settings.caches import redis_caches

    usage = redis_caches(REDIS_URL, key_prefix=f"usage-test-{uuid.uuid4().hex}")
    settings.CACHES = {**settings.CACHES, "usage": usage["default"]}
    settings.PORTAL_USAGE_CACHE = "usage"
    yield caches["usage"]
    caches["usage"].delete_pattern("*")


@pytest.fixture
def redis_counters(counters):
    if counters is cache:
        pytest.skip("Redis only")
    return counters


@pytest.fixture
def round_trips(monkeypatch):
    """How many times the process sent commands to Redis (a pipeline is one)."""
    sent = []
    real = redis.connection.AbstractConnection.send_packed_command

    def counting(self, *args, **kwargs):
        sent.append(args)
        return real(self, *args, **kwargs)

    monkeypatch.setattr(
        redis.connection.AbstractConnection, "send_packed_command", counting
    )
    return sent


def stored():
    return {(row.metric, row.page_id): row.count for row in UsageCount.objects.all()}


def test_counts_equal_requests_also_from_the_page_cache(
    client, settings, public_briefing, counters
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


def test_flushing_twice_gives_the_same_totals(public_briefing, counters):
    for _ in range(3):
        usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_count(metric=Metric.CALENDAR)

    assert usage_counts_flush() == 4
    assert usage_counts_flush() == 0
    assert stored() == {
        (Metric.PAGE_VIEW, public_briefing.pk): 3,
        (Metric.CALENDAR, None): 1,
    }


def test_counts_after_a_flush_are_added_by_the_next_one(public_briefing, counters):
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_counts_flush()
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)

    usage_counts_flush()

    assert stored() == {(Metric.PAGE_VIEW, public_briefing.pk): 3}


def test_a_flush_that_dies_half_way_neither_loses_nor_doubles(
    monkeypatch, public_briefing, counters
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


def test_a_counter_lost_from_the_cache_starts_again(public_briefing, counters):
    usage_count(metric=Metric.FEED)
    usage_count(metric=Metric.FEED)
    usage_counts_flush()
    counters.delete(evaluation._counter_key(timezone.localdate(), Metric.FEED, None))
    usage_count(metric=Metric.FEED)

    usage_counts_flush()

    assert stored() == {(Metric.FEED, None): 3}


def test_yesterdays_counters_are_flushed_into_yesterdays_row(public_briefing, counters):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk, day=yesterday)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)

    usage_counts_flush()

    assert sorted(UsageCount.objects.values_list("date", "count")) == [
        (yesterday, 1),
        (timezone.localdate(), 1),
    ]


def test_requests_enqueue_at_most_one_flush_a_minute(
    client, settings, public_briefing, counters
):
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
    counters.delete(FLUSH_LOCK_KEY)  # a minute later
    client.get(public_briefing.url)
    assert len(default_task_backend.results) == 2


def test_the_management_command_flushes(public_briefing, counters):
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


def test_a_counted_page_cache_hit_is_one_round_trip_to_redis(
    client, settings, public_briefing, redis_counters, round_trips
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    settings.PORTAL_USAGE_FLUSH_FROM_REQUESTS = True
    settings.TASKS = DUMMY_TASKS
    client.get(public_briefing.url)  # stores the page and starts the minute's flush
    round_trips.clear()

    hit = client.get(public_briefing.url)

    assert hit.headers["X-Page-Cache"] == "hit"
    assert len(round_trips) == 1
    usage_counts_flush()
    assert stored() == {(Metric.PAGE_VIEW, public_briefing.pk): 2}


def test_the_first_count_of_a_minute_starts_the_flush_on_redis(
    settings, public_briefing, redis_counters
):
    settings.PORTAL_USAGE_FLUSH_FROM_REQUESTS = True

    first = evaluation.usage_record(metric=Metric.FEED)
    second = evaluation.usage_record(metric=Metric.FEED)

    assert (first, second) == (True, False)


def test_the_flush_reads_only_the_counters_requests_touched(
    news_index, public_briefing, redis_counters
):
    from news.factories import DecisionBriefingPageFactory

    for number in range(3):
        DecisionBriefingPageFactory(parent=news_index, title=f"Unread {number}")
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    usage_count(metric=Metric.CALENDAR)
    read = []
    real_get_many = redis_counters.get_many
    redis_counters.get_many = lambda names: read.extend(names) or real_get_many(names)

    with CaptureQueriesContext(connection) as queries:
        assert usage_counts_flush() == 2

    assert sorted(read) == sorted(
        [
            evaluation._counter_key(
                timezone.localdate(), Metric.PAGE_VIEW, public_briefing.pk
            ),
            evaluation._counter_key(timezone.localdate(), Metric.CALENDAR, None),
        ]
    )
    assert not any("news_decisionbriefingpage" in q["sql"] for q in queries)


def test_counters_of_a_deleted_page_are_left_out_of_the_flush(
    news_index, public_briefing, counters
):
    from news.factories import DecisionBriefingPageFactory

    gone = DecisionBriefingPageFactory(parent=news_index, title="Zurückgezogen")
    usage_count(metric=Metric.PAGE_VIEW, page_id=gone.pk)
    usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    gone.delete()

    usage_counts_flush()

    assert stored() == {(Metric.PAGE_VIEW, public_briefing.pk): 1}


def test_a_flush_overtaken_by_a_parallel_one_counts_nothing_twice(
    monkeypatch, public_briefing, counters
):
    """Flush A read the counter at 2; flush B stored 4 before A locked the row."""
    for _ in range(2):
        usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
    real_row_for = evaluation._row_for

    def parallel_flush_first(*args):
        monkeypatch.setattr(evaluation, "_row_for", real_row_for)
        for _ in range(2):
            usage_count(metric=Metric.PAGE_VIEW, page_id=public_briefing.pk)
        assert usage_counts_flush() == 4
        return real_row_for(*args)

    monkeypatch.setattr(evaluation, "_row_for", parallel_flush_first)

    assert usage_counts_flush() == 0
    assert stored() == {(Metric.PAGE_VIEW, public_briefing.pk): 4}


def test_a_process_holds_its_counts_until_the_buffer_time_has_passed(
    client, settings, public_briefing, counters, monkeypatch
):
    """Production sends a process's counts every few seconds, not per request."""
    from tracker import middleware

    settings.PORTAL_USAGE_BUFFER_SECONDS = 5
    clock = [1000.0]
    monkeypatch.setattr(middleware.time, "monotonic", lambda: clock[0])
    monkeypatch.setattr(middleware, "usage_buffer", middleware.UsageBuffer())
    for _ in range(3):
        assert client.get(public_briefing.url).status_code == 200

    assert usage_counts_flush() == 0  # nothing has left the process yet

    clock[0] += 5
    client.get(public_briefing.print_url())

    assert usage_counts_flush() == 4
    assert stored() == {
        (Metric.PAGE_VIEW, public_briefing.pk): 3,
        (Metric.PRINT_VIEW, public_briefing.pk): 1,
    }


def test_a_process_that_ends_sends_the_counts_it_holds(
    client, settings, public_briefing, counters, monkeypatch
):
    from tracker import middleware

    settings.PORTAL_USAGE_BUFFER_SECONDS = 60
    buffer = middleware.UsageBuffer()
    monkeypatch.setattr(middleware, "usage_buffer", buffer)
    client.get(public_briefing.url)
    client.get(public_briefing.url)

    buffer.send()  # what atexit calls when the worker stops

    usage_counts_flush()
    assert stored() == {(Metric.PAGE_VIEW, public_briefing.pk): 2}
