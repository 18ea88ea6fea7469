"""What ``/healthz`` reports to a load balancer: database, cache, tasks, outbox.

Only states and numbers, nothing that names a host, a user or a secret.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


def database_check() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:  # noqa: BLE001 - any failure means "down" to the balancer
        return {"status": "error"}
    return {"status": "ok"}


def cache_check() -> dict:
    key = f"healthz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", timeout=10)
        answered = cache.get(key) == "1"
        cache.delete(key)
    except Exception:  # noqa: BLE001
        return {"status": "error"}
    return {"status": "ok" if answered else "error"}


def tasks_check() -> dict:
    """The database queue: reachable, and the oldest ready task not too old.

    A task that waits longer than ``PORTAL_HEALTH_MAX_TASK_AGE`` seconds means
    no worker is taking tasks. Other backends (immediate in development) have
    no queue to look at.
    """
    backend = settings.TASKS["default"]["BACKEND"]
    if backend != DATABASE_BACKEND:
        return {"status": "ok", "queue": "none"}
    try:
        from django_tasks_db.models import DBTaskResult

        ready = DBTaskResult.objects.ready()
        count = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True)
        oldest = oldest.first()
    except Exception:  # noqa: BLE001
        return {"status": "error", "queue": "database"}
    age = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    stalled = age > settings.PORTAL_HEALTH_MAX_TASK_AGE
    return {
        "status": "stalled" if stalled else "ok",
        "queue": "database",
        "ready": count,
        "oldest_ready_seconds": age,
    }


def outbox_check() -> dict:
    """The mails waiting in the outbox (``home.outbox``) and the oldest one's age.

    A mail still unsent ``PORTAL_HEALTH_MAX_MAIL_AGE`` seconds after it was
    written means the mail server refuses or no sweep runs: "stalled".
    """
    from .models import OutgoingMail

    State = OutgoingMail.State
    try:
        waiting = OutgoingMail.objects.filter(state__in=[State.QUEUED, State.SENDING])
        count = waiting.count()
        due = waiting.filter(
            state=State.QUEUED, next_attempt_at__lte=timezone.now()
        ).count()
        oldest = waiting.order_by("created_at").values_list("created_at", flat=True)
        oldest = oldest.first()
    except Exception:  # noqa: BLE001
        return {"status": "error"}
    age = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    stalled = age > settings.PORTAL_HEALTH_MAX_MAIL_AGE
    return {
        "status": "stalled" if stalled else "ok",
        "queued": count,
        "due": due,
        "oldest_queued_seconds": age,
    }


def health_report() -> tuple[bool, dict]:
    started = time.monotonic()
    report = {
        "database": database_check(),
        "cache": cache_check(),
        "tasks": tasks_check(),
        "outbox": outbox_check(),
    }
    healthy = all(part["status"] == "ok" for part in report.values())
    report["status"] = "ok" if healthy else "error"
    report["duration_ms"] = round((time.monotonic() - started) * 1000)
    return healthy, report
