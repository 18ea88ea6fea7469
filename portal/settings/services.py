"""Engines chosen from the environment: the task queue, the object store and
the database connection pool. Pure functions of their inputs, so tests check
each choice without importing production settings.
"""

from urllib.parse import urlsplit

DATABASE_TASKS = "django_tasks_db.DatabaseBackend"
RQ_TASKS = "django_tasks_rq.RQBackend"
RQ_QUEUE = "default"
# Seconds an RQ job may run before its worker kills it (a 20,000-subscriber
# fan-out takes about a minute here; batches far less).
RQ_JOB_TIMEOUT = 1800


class ServiceURLError(ValueError):
    pass


def task_settings(tasks_url: str = "") -> dict:
    """``TASKS`` and, for Redis, django-rq's ``RQ_QUEUES`` for ``tasks_url``.

    Empty: the database queue (``manage.py db_worker``). ``redis://…`` or
    ``rediss://…``: django-tasks-rq, one queue named "default".
    """
    if not tasks_url:
        return {"TASKS": {"default": {"BACKEND": DATABASE_TASKS}}, "RQ_QUEUES": {}}
    scheme = urlsplit(tasks_url).scheme
    if scheme not in ("redis", "rediss"):
        raise ServiceURLError(
            "TASKS_URL must be empty (database queue) or redis://host:port/db."
        )
    return {
        "TASKS": {"default": {"BACKEND": RQ_TASKS, "QUEUES": [RQ_QUEUE]}},
        "RQ_QUEUES": {RQ_QUEUE: {"URL": tasks_url, "DEFAULT_TIMEOUT": RQ_JOB_TIMEOUT}},
    }


def storage_settings(
    *,
    bucket: str,
    endpoint_url: str = "",
    access_key_id: str = "",
    secret_access_key: str = "",
    region: str = "us-east-1",
    public_url: str = "",
) -> dict:
    """``STORAGES`` entries for media on an S3-compatible store.

    Everything uploaded (documents, original images) goes to the private
    "default" storage: no public ACL, and a URL, where one is asked for, is
    signed and expires after five minutes. Documents still download only
    through the portal (``WAGTAILDOCS_SERVE_METHOD = "serve_view"`` checks the
    collection's view restriction and streams the file). Renditions go to the
    "renditions" storage, readable by anyone, at ``public_url`` when given.
    """
    common = {
        "bucket_name": bucket,
        "region_name": region or "us-east-1",
        "file_overwrite": False,
        "signature_version": "s3v4",
    }
    if endpoint_url:
        common["endpoint_url"] = endpoint_url
    if access_key_id:
        common["access_key"] = access_key_id
        common["secret_key"] = secret_access_key
    return {
        "default": {
            "BACKEND": "core.storage.PrivateMediaStorage",
            "OPTIONS": {**common},
        },
        "renditions": {
            "BACKEND": "core.storage.PublicMediaStorage",
            "OPTIONS": {**common, "public_url": public_url},
        },
    }


def database_pool(database: dict, *, max_size: int) -> dict:
    """``database`` with psycopg's connection pool of at most ``max_size``.

    Django's pool keeps connections per process and needs ``CONN_MAX_AGE`` 0;
    0 leaves persistent connections (``CONN_MAX_AGE``) as they are.
    """
    if max_size <= 0:
        return database
    if "postgresql" not in database["ENGINE"]:
        raise ServiceURLError("DB_POOL_MAX_SIZE needs PostgreSQL.")
    options = dict(database.get("OPTIONS", {}))
    options["pool"] = {"min_size": 1, "max_size": max_size, "timeout": 10}
    return {**database, "OPTIONS": options, "CONN_MAX_AGE": 0}
