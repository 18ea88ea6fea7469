"""What ``/healthz`` reports to a load balancer: database, cache, tasks, outbox
and, when media live in an object store, the store.

Only states and numbers, nothing that names a host, a user or a secret.
"""

import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

from .models import OutgoingMail

# Paths of the probes: no page cache, no site lookup (core.caching._routing)
# before them, so /livez asks the database once and the cache never.
PROBE_PATHS = ("/livez", "/healthz")
DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"
RQ_BACKEND = "django_tasks_rq.RQBackend"


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
    """The task queue: reachable, and the oldest ready task not too old.

    A task that waits longer than ``PORTAL_HEALTH_MAX_TASK_AGE`` seconds means
    no worker is taking tasks; on RQ, where workers register themselves, no
    registered worker means the same at once. The immediate backend
    (development) has no queue to look at.
    """
    backend = settings.TASKS["default"]["BACKEND"]
    if backend == DATABASE_BACKEND:
        return _database_queue()
    if backend == RQ_BACKEND:
        return _rq_queue()
    return {"status": "ok", "queue": "none"}


def _verdict(queue: str, count: int, oldest, **extra) -> dict:
    age = round((timezone.now() - oldest).total_seconds()) if oldest else 0
    stalled = age > settings.PORTAL_HEALTH_MAX_TASK_AGE
    return {
        "status": "stalled" if stalled else "ok",
        "queue": queue,
        "ready": count,
        "oldest_ready_seconds": age,
        **extra,
    }


def _database_queue() -> dict:
    try:
        from django_tasks_db.models import DBTaskResult

        ready = DBTaskResult.objects.ready()
        count = ready.count()
        oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True)
        oldest = oldest.first()
    except Exception:  # noqa: BLE001
        return {"status": "error", "queue": "database"}
    return _verdict("database", count, oldest)


def _rq_queue() -> dict:
    """The RQ queues of the task backend: length, oldest job, live workers."""
    try:
        import django_rq
        from rq import Worker

        names = settings.TASKS["default"].get("QUEUES") or ["default"]
        count, oldest, workers = 0, None, set()
        for name in names:
            queue = django_rq.get_queue(name)
            count += queue.count
            first = queue.get_job_ids(0, 1)
            job = queue.fetch_job(first[0]) if first else None
            if job is not None and job.enqueued_at is not None:
                enqueued = job.enqueued_at
                if timezone.is_naive(enqueued):
                    enqueued = timezone.make_aware(enqueued, timezone.utc)
                oldest = min(oldest, enqueued) if oldest else enqueued
            workers |= {w.name for w in Worker.all(queue=queue)}
    except Exception:  # noqa: BLE001
        return {"status": "error", "queue": "redis"}
    report = _verdict("redis", count, oldest, workers=len(workers))
    if not workers:
        report["status"] = "no_worker"
    return report


def storage_check() -> dict:
    """The object store, when media live in one: the bucket answers."""
    if not settings.S3_BUCKET:
        return {"status": "ok", "store": "local"}
    try:
        from django.core.files.storage import default_storage

        default_storage.connection.meta.client.head_bucket(
            Bucket=default_storage.bucket_name
        )
    except Exception:  # noqa: BLE001
        return {"status": "error", "store": "s3"}
    return {"status": "ok", "store": "s3"}


def outbox_check() -> dict:
    """The mails waiting in the outbox (``core.outbox``) and the oldest one's age.

    A mail still unsent ``PORTAL_HEALTH_MAX_MAIL_AGE`` seconds after it was
    written means the mail server refuses or no sweep runs: "stalled".
    """
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
        "storage": storage_check(),
    }
    healthy = all(part["status"] == "ok" for part in report.values())
    report["status"] = "ok" if healthy else "error"
    report["duration_ms"] = round((time.monotonic() - started) * 1000)
    return healthy, report
