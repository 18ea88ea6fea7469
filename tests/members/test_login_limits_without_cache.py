"""Failed logins stay limited while Redis is down: counted in the database.

The fault is real, as in ``tests/portal/test_faults_redis.py``: production's
cache settings pointed at a local port nobody listens on.
"""

from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from members.factories import VerifiedEmailFactory
from members.models import FailedLogin
from portal.settings.caches import REDIS_SESSION_ENGINE, redis_caches
from tests.conftest import PASSWORD
from tests.portal.faults import closed_port

LOGIN_URL = reverse("members:login")


@pytest.fixture
def redis_down(settings):
    settings.CACHES = redis_caches(
        f"redis://127.0.0.1:{closed_port()}/2", key_prefix="faults"
    )
    settings.SESSION_ENGINE = REDIS_SESSION_ENGINE


@pytest.fixture
def rosa(member_user):
    VerifiedEmailFactory(user=member_user)
    return member_user


def fail(client, login="rosa@example.org", number=1):
    return client.post(
        LOGIN_URL,
        {"login": login, "password": "falsch"},
        REMOTE_ADDR=f"198.51.100.{number}",
    )


def test_fifteen_wrong_passwords_for_one_account_end_in_429_without_the_cache(
    client, redis_down, rosa
):
    statuses = [fail(client, number=number).status_code for number in range(15)]

    assert statuses == [200] * 5 + [429] * 10


def test_the_right_password_does_not_open_an_account_blocked_without_the_cache(
    client, redis_down, rosa
):
    for number in range(5):
        fail(client, number=number)

    response = client.post(
        LOGIN_URL, {"login": "Rosa@Example.org ", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_failed_logins_from_one_address_are_limited_across_accounts_without_the_cache(
    client, redis_down, home_page
):
    statuses = [
        fail(client, login=f"person{number}@example.org").status_code
        for number in range(11)
    ]

    assert statuses == [200] * 10 + [429]


def test_a_correct_login_works_without_the_cache_and_stores_no_failure(
    client, redis_down, rosa
):
    response = client.post(
        LOGIN_URL, {"login": "rosa@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert FailedLogin.objects.count() == 0


def test_failures_older_than_the_window_do_not_count(client, rosa):
    for number in range(5):
        fail(client, number=number)
    FailedLogin.objects.update(at=timezone.now() - timedelta(minutes=6))
    cache.clear()  # as if allauth's cached failures had expired too

    response = client.post(
        LOGIN_URL, {"login": "rosa@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302


def test_a_failure_is_stored_without_the_address_or_the_login(client, rosa):
    fail(client, number=7)

    stored = FailedLogin.objects.values_list("account", "address").get()

    assert "rosa" not in "".join(stored)
    assert "198.51.100.7" not in "".join(stored)


def test_a_failed_login_reads_and_writes_the_table_once_each(
    client, rosa, django_assert_max_num_queries
):
    fail(client)

    with django_assert_max_num_queries(12) as queries:
        fail(client)

    assert sum("members_failedlogin" in q["sql"] for q in queries.captured_queries) == 2


def test_retention_deletes_failures_older_than_a_day(client, rosa):
    fail(client)
    FailedLogin.objects.create(
        account="x" * 64, address="y" * 64, at=timezone.now() - timedelta(days=2)
    )

    call_command("apply_retention", stdout=StringIO())

    assert FailedLogin.objects.count() == 1
