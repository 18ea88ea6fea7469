"""Repeated failed logins end in the translated 429 page, not a form error."""

from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from members.factories import VerifiedEmailFactory
from tests.conftest import PASSWORD

LOGIN_URL = reverse("members:login")


def fail(client, login="rosa@example.org", **extra):
    return client.post(LOGIN_URL, {"login": login, "password": "falsch"}, **extra)


def test_the_sixth_failed_login_for_one_account_gets_the_429_page(client, member_user):
    VerifiedEmailFactory(user=member_user)
    for _ in range(5):
        assert fail(client).status_code == 200

    response = fail(client)

    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert SESSION_KEY not in client.session


def test_the_right_password_does_not_open_a_blocked_account(client, member_user):
    VerifiedEmailFactory(user=member_user)
    for _ in range(5):
        fail(client)

    response = client.post(
        LOGIN_URL, {"login": "rosa@example.org", "password": PASSWORD}
    )

    assert response.status_code == 429
    assert SESSION_KEY not in client.session


def test_failed_logins_from_one_address_are_limited_across_accounts(
    client, settings, home_page
):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "login_failed": "3/m/ip,5/5m/key",
    }
    for number in range(3):
        assert fail(client, f"person{number}@example.org").status_code == 200

    response = fail(client, "person9@example.org")

    assert response.status_code == 429


def test_allauths_own_login_address_is_limited_too(client, member_user):
    VerifiedEmailFactory(user=member_user)
    for _ in range(5):
        fail(client)

    response = client.post(
        reverse("account_login"), {"login": "rosa@example.org", "password": "falsch"}
    )

    assert response.status_code == 429


def test_the_429_page_speaks_english_under_the_english_prefix(client, member_user):
    VerifiedEmailFactory(user=member_user)
    for _ in range(5):
        fail(client)

    response = client.post(
        "/en" + LOGIN_URL, {"login": "rosa@example.org", "password": "falsch"}
    )

    assert response.status_code == 429
    assert "Too many requests" in response.content.decode()
