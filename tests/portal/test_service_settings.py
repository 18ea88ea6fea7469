"""The engines production picks from its environment (portal.settings.services)."""

import pytest
from django.db import connection
from django.db.backends.postgresql.base import DatabaseWrapper

from portal.settings.services import (
    ServiceURLError,
    database_pool,
    storage_settings,
    task_settings,
)

POSTGRES = {"ENGINE": "django.db.backends.postgresql", "NAME": "portal"}


def test_no_tasks_url_keeps_the_database_queue():
    chosen = task_settings("")

    assert chosen["TASKS"]["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    assert chosen["RQ_QUEUES"] == {}


def test_a_redis_tasks_url_selects_rq_with_its_queue():
    chosen = task_settings("redis://redis.internal:6379/2")

    assert chosen["TASKS"]["default"] == {
        "BACKEND": "django_tasks_rq.RQBackend",
        "QUEUES": ["default"],
    }
    assert chosen["RQ_QUEUES"]["default"]["URL"] == "redis://redis.internal:6379/2"


def test_a_tasks_url_of_another_kind_is_refused():
    with pytest.raises(ServiceURLError, match="TASKS_URL"):
        task_settings("amqp://rabbit:5672/")


def test_pool_size_zero_keeps_persistent_connections():
    database = {**POSTGRES, "CONN_MAX_AGE": 60}

    assert database_pool(database, max_size=0) == database


def test_a_pool_size_turns_on_psycopgs_pool_without_persistent_connections():
    pooled = database_pool({**POSTGRES, "CONN_MAX_AGE": 60}, max_size=8)

    assert pooled["OPTIONS"]["pool"]["max_size"] == 8
    assert pooled["OPTIONS"]["pool"]["min_size"] == 1
    assert pooled["CONN_MAX_AGE"] == 0


def test_a_pool_on_sqlite_is_refused():
    with pytest.raises(ServiceURLError, match="PostgreSQL"):
        database_pool({"ENGINE": "django.db.backends.sqlite3"}, max_size=4)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL")
@pytest.mark.django_db
def test_a_pooled_connection_answers_queries_and_goes_back_to_the_pool():
    settings_dict = database_pool(
        {**connection.settings_dict, "CONN_MAX_AGE": 60}, max_size=2
    )
    pooled = DatabaseWrapper(settings_dict, alias="pooled")
    try:
        with pooled.cursor() as cursor:
            cursor.execute("SELECT 1")
            assert cursor.fetchone() == (1,)
        assert pooled.pool is not None
        pooled.close()
        assert pooled.pool.get_stats()["pool_available"] >= 1
    finally:
        pooled.close_pool()


def test_uploads_are_private_and_renditions_public_on_a_store():
    chosen = storage_settings(
        bucket="media",
        endpoint_url="http://minio.internal:9000",
        access_key_id="key",
        secret_access_key="secret",
        public_url="https://portal.example.org/media/",
    )

    assert chosen["default"]["BACKEND"] == "core.storage.PrivateMediaStorage"
    assert chosen["renditions"]["BACKEND"] == "core.storage.PublicMediaStorage"
    assert chosen["default"]["OPTIONS"]["endpoint_url"] == "http://minio.internal:9000"
    assert "public_url" not in chosen["default"]["OPTIONS"]
    assert (
        chosen["renditions"]["OPTIONS"]["public_url"]
        == "https://portal.example.org/media/"
    )
