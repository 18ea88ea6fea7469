"""Simultaneous messages of one coordinator never pass the daily limit (PostgreSQL)."""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection

from core.services import members_group_get
from members.factories import PoolEntryFactory, PoolMessageFactory
from members.models import PoolMessage
from members.services import pool_message_send

from .pool_helpers import grant

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_parallel_messages_stop_exactly_at_the_limit(monkeypatch):
    monkeypatch.setattr("members.services.pool.MESSAGES_PER_DAY", 3)
    users = get_user_model().objects
    coordinator = grant(
        users.create_user("koordination", is_superuser=True), "search_volunteer_pool"
    )
    volunteer = users.create_user("helferin", email="h@example.org")
    volunteer.groups.add(members_group_get())
    entry = PoolEntryFactory(user=volunteer)
    PoolMessageFactory(sender=coordinator, recipient=volunteer)
    barrier = threading.Barrier(5)
    outcomes = []

    def send():
        try:
            barrier.wait()
            pool_message_send(
                sender=coordinator, entry=entry, subject="Hallo", body="Zeit?"
            )
            outcomes.append("sent")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["refused"] * 3 + ["sent"] * 2
    assert PoolMessage.objects.filter(sender=coordinator).count() == 3
