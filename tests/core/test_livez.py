"""/livez tells a balancer whether this web process can answer at all.

Only the process and the database count: a full or dead cache, a mail server
that refuses or a stalled worker leave /livez at 200 (they show on /healthz,
the monitoring endpoint), so they never take every web container out of the
balancer's rotation.
"""

import socket
import time
from datetime import timedelta

import pytest
from django.db import connection

from portal.settings.caches import SOCKET_TIMEOUT_SECONDS, redis_caches
from tests.core.test_healthz import DB_TASKS, make_task, queued_mail
from tests.portal.faults import MailServer, closed_port

URL = "/livez"


def test_live_process_answers_200_with_one_query(
    client, db, django_assert_max_num_queries
):
    with django_assert_max_num_queries(1):
        response = client.get(URL)

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_livez_answers_200_while_the_cache_is_down(client, db, settings):
    settings.CACHES = redis_caches(
        f"redis://127.0.0.1:{closed_port()}/2", key_prefix="livez"
    )

    assert client.get("/healthz").status_code == 503
    assert client.get(URL).status_code == 200


def test_livez_answers_200_while_mail_is_stalled(client, db, settings):
    MailServer(settings).down()
    settings.PORTAL_HEALTH_MAX_MAIL_AGE = 3600
    queued_mail(age=timedelta(hours=2))

    assert client.get("/healthz").json()["outbox"]["status"] == "stalled"
    assert client.get(URL).status_code == 200


def test_livez_answers_200_while_no_worker_takes_tasks(client, db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    settings.PORTAL_HEALTH_MAX_TASK_AGE = 60
    make_task(DBTaskResult, age=timedelta(minutes=10))

    assert client.get("/healthz").status_code == 503
    assert client.get(URL).status_code == 200


@pytest.fixture
def silent_redis():
    """A port that takes connections and never answers (a hung Redis)."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(64)
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/2"


def test_livez_does_not_wait_for_a_hung_cache(client, db, settings, silent_redis):
    settings.CACHES = redis_caches(silent_redis, key_prefix="livez")

    started = time.monotonic()
    response = client.get(URL)
    livez_seconds = time.monotonic() - started
    started = time.monotonic()
    client.get("/healthz")
    healthz_seconds = time.monotonic() - started

    assert response.status_code == 200
    assert livez_seconds < SOCKET_TIMEOUT_SECONDS
    assert healthz_seconds >= SOCKET_TIMEOUT_SECONDS


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_livez_answers_503_when_the_database_is_unreachable(client, django_db_blocker):
    """PostgreSQL: the connection goes to a closed port. SQLite's in-memory
    test database cannot go away; there every database access is refused."""
    saved = dict(connection.settings_dict)
    connection.close()
    try:
        if connection.vendor == "postgresql":
            connection.settings_dict.update(HOST="127.0.0.1", PORT=closed_port())
            response = client.get(URL)
        else:
            with django_db_blocker.block():
                response = client.get(URL)
    finally:
        connection.close()
        connection.settings_dict.update(saved)

    assert response.status_code == 503
    assert response.json() == {"status": "error"}


def test_livez_is_never_page_cached(client, db, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300

    client.get(URL)
    again = client.get(URL)

    assert again.headers.get("X-Page-Cache") is None
    assert "no-cache" in again["Cache-Control"]
