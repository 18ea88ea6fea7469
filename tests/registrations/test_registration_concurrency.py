"""Seats are never overbooked, also when many people register at once.

Real threads, each with its own database connection, against PostgreSQL: the
services lock the page row, so the count of seats held is exact. SQLite
serialises every write on its own, so there is nothing to show there.
"""

import threading

import pytest
from django.contrib.auth import get_user_model
from django.db import IntegrityError, connection, transaction

from core.services import members_group_get
from registrations.models import Registration
from registrations.services import registration_create
from tests.registrations.registration_helpers import registrable_event

on_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks need PostgreSQL; SQLite serialises all writes anyway",
)

# Threads beyond this wait for a connection: PostgreSQL allows 100 in all and
# the test database is shared with the other test worker.
MAX_OPEN_CONNECTIONS = 30


def run_at_once(count, action):
    """Start ``count`` threads together; each calls ``action(number)``."""
    start = threading.Barrier(count)
    connections = threading.BoundedSemaphore(MAX_OPEN_CONNECTIONS)
    errors = []

    def worker(number):
        try:
            start.wait()
            with connections:
                try:
                    action(number)
                finally:
                    connection.close()
        except Exception as error:  # noqa: BLE001 – reported by the test
            errors.append(error)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def _members(count):
    User = get_user_model()
    users = User.objects.bulk_create(
        User(username=f"mitglied{n}", email=f"mitglied{n}@example.org")
        for n in range(count)
    )
    members_group_get().user_set.add(*users)
    return list(User.objects.filter(username__startswith="mitglied").order_by("pk"))


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_200_concurrent_registrations_for_50_seats(event_index):
    event = registrable_event(event_index, capacity=50)
    members = _members(200)

    run_at_once(200, lambda n: registration_create(page=event, user=members[n]))

    registrations = Registration.objects.filter(page=event)
    assert registrations.filter(status="confirmed").count() == 50
    assert registrations.filter(status="waiting").count() == 150
    assert registrations.values("user").distinct().count() == 200


@on_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_member_registering_20_times_at_once_gets_one_registration(
    event_index,
):
    event = registrable_event(event_index, capacity=50)
    member = _members(1)[0]

    run_at_once(20, lambda n: registration_create(page=event, user=member))

    assert Registration.objects.filter(page=event, user=member).count() == 1


@pytest.mark.django_db
def test_database_refuses_a_second_active_registration(event_index, member_user):
    event = registrable_event(event_index)
    Registration.objects.create(page=event, user=member_user, status="confirmed")

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(page=event, user=member_user, status="waiting")


@pytest.mark.django_db
def test_database_refuses_the_same_guest_email_in_other_case(event_index):
    event = registrable_event(event_index)
    Registration.objects.create(page=event, email="a@example.org", status="waiting")

    with pytest.raises(IntegrityError), transaction.atomic():
        Registration.objects.create(
            page=event, email="A@Example.org", status="unconfirmed"
        )


@pytest.mark.django_db
def test_cancelled_registration_does_not_block_registering_again(
    event_index, member_user
):
    event = registrable_event(event_index)
    Registration.objects.create(page=event, user=member_user, status="cancelled")

    registration, created = registration_create(page=event, user=member_user)

    assert created
    assert registration.status == "confirmed"
