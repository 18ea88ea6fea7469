"""/healthz tells a load balancer whether database, cache and task queue work."""

from datetime import timedelta

import pytest
from django.utils import timezone

URL = "/healthz"
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_healthy_portal_answers_200_with_every_part_ok(client, db):
    response = client.get(URL)

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert {body[part]["status"] for part in ("database", "cache", "tasks")} == {"ok"}


def test_health_is_never_cached(client, db):
    response = client.get(URL)

    assert "no-cache" in response["Cache-Control"]


def test_a_broken_cache_answers_503(client, db, monkeypatch):
    from django.core.cache import cache

    def broken(*args, **kwargs):
        raise ConnectionError("redis down")

    monkeypatch.setattr(cache, "set", broken)

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["cache"]["status"] == "error"
    assert "redis" not in response.text


def test_a_waiting_queue_reports_its_oldest_task(client, db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    make_task(DBTaskResult, age=timedelta(seconds=30))

    body = client.get(URL).json()

    assert body["tasks"]["ready"] == 1
    assert body["tasks"]["status"] == "ok"


def test_a_task_waiting_too_long_means_no_worker_and_answers_503(client, db, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DB_TASKS
    settings.PORTAL_HEALTH_MAX_TASK_AGE = 60
    make_task(DBTaskResult, age=timedelta(minutes=10))

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["tasks"]["status"] == "stalled"


def make_task(model, *, age):
    task = model.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path="subscriptions.tasks.noop",
        backend_name="default",
        queue_name="default",
        run_after=timezone.now() - age,
        status="READY",
    )
    model.objects.filter(pk=task.pk).update(enqueued_at=timezone.now() - age)
    return task


@pytest.mark.parametrize("method", ["post", "put"])
def test_healthz_only_answers_get(client, db, method):
    assert getattr(client, method)(URL).status_code == 405


def queued_mail(*, age, **fields):
    from core.models import OutgoingMail

    mail = OutgoingMail.objects.create(builder="x", arguments={}, **fields)
    OutgoingMail.objects.filter(pk=mail.pk).update(
        created_at=timezone.now() - age, next_attempt_at=timezone.now() - age
    )
    return mail


def test_an_empty_outbox_is_ok(client, db):
    body = client.get(URL).json()

    assert body["outbox"] == {
        "status": "ok",
        "queued": 0,
        "due": 0,
        "oldest_queued_seconds": 0,
    }


def test_mails_waiting_a_little_are_reported_and_ok(client, db):
    from core.models import OutgoingMail

    queued_mail(age=timedelta(minutes=5))
    queued_mail(age=timedelta(minutes=1))
    queued_mail(age=timedelta(days=30), state=OutgoingMail.State.SENT)

    response = client.get(URL)

    assert response.status_code == 200
    outbox = response.json()["outbox"]
    assert (outbox["status"], outbox["queued"], outbox["due"]) == ("ok", 2, 2)
    assert 299 <= outbox["oldest_queued_seconds"] <= 310


def test_a_mail_stuck_longer_than_the_limit_answers_503(client, db, settings):
    settings.PORTAL_HEALTH_MAX_MAIL_AGE = 3600
    queued_mail(age=timedelta(hours=2))

    response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["outbox"]["status"] == "stalled"
    assert response.json()["status"] == "error"
