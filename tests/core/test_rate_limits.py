"""Abuse limits: per IP and per account, with a clear, translated 429 page."""

import pytest
from django.urls import reverse

from comments.models import Comment
from dialog.factories import ForumPageFactory
from members.factories import VerifiedEmailFactory
from registrations.models import Registration, RegistrationMode
from tests.conftest import PASSWORD
from tests.registrations.registration_helpers import (
    guest_data,
    register_url,
    registrable_event,
)
from tests.subscriptions.test_subscriptions import SUBSCRIBE_URL, subscribe_data


@pytest.fixture
def tight_limits(settings):
    settings.PORTAL_RATE_LIMITS = {
        scope: {"ip": "2/600", "user": "2/600"}
        for scope in ("comment", "registration", "subscription", "search")
    }
    return settings


def test_search_beyond_the_limit_gets_a_german_429_page(
    client, home_page, tight_limits
):
    for _ in range(2):
        assert client.get("/suche/", {"q": "miete"}).status_code == 200

    response = client.get("/suche/", {"q": "miete"})

    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.text
    assert int(response["Retry-After"]) > 0


def test_the_429_page_speaks_the_visitors_language(client, home_page, tight_limits):
    for _ in range(2):
        client.get("/en/suche/", {"q": "rent"})

    response = client.get("/en/suche/", {"q": "rent"})

    assert response.status_code == 429
    assert "Too many requests" in response.text


def test_the_limit_counts_per_ip(client, home_page, tight_limits):
    for _ in range(2):
        client.get("/suche/", {"q": "miete"}, REMOTE_ADDR="10.0.0.1")

    response = client.get("/suche/", {"q": "miete"}, REMOTE_ADDR="10.0.0.2")

    assert response.status_code == 200


def test_the_limit_counts_per_account_across_addresses(
    client, member_user, home_page, tight_limits
):
    client.force_login(member_user)
    for number in range(2):
        client.get("/suche/", {"q": "miete"}, REMOTE_ADDR=f"10.0.1.{number}")

    response = client.get("/suche/", {"q": "miete"}, REMOTE_ADDR="10.0.1.9")

    assert response.status_code == 429


def test_comments_beyond_the_limit_are_refused_and_not_stored(
    client, member_user, home_page, tight_limits
):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    client.force_login(member_user)
    url = reverse("comments:comment_create", args=[forum.pk])
    for number in range(2):
        client.post(url, {"body": f"Beitrag {number}"})

    response = client.post(url, {"body": "Noch einer"})

    assert response.status_code == 429
    assert Comment.objects.count() == 2


def test_guest_registrations_beyond_the_limit_are_refused(
    client, event_index, tight_limits
):
    event = registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, capacity=10
    )
    for number in range(2):
        client.post(register_url(event), guest_data(email=f"g{number}@example.org"))

    response = client.post(register_url(event), guest_data(email="g9@example.org"))

    assert response.status_code == 429
    assert Registration.objects.count() == 2


def test_subscriptions_beyond_the_limit_are_refused(client, home_page, tight_limits):
    for number in range(2):
        client.post(SUBSCRIBE_URL, subscribe_data(email=f"s{number}@example.org"))

    response = client.post(SUBSCRIBE_URL, subscribe_data(email="s9@example.org"))

    assert response.status_code == 429


def test_failed_logins_are_limited_by_allauth(client, member_user, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "login": "2/m/ip"}
    VerifiedEmailFactory(user=member_user)
    url = reverse("members:login")
    for _ in range(2):
        client.post(url, {"login": member_user.email, "password": "falsch"})

    response = client.post(url, {"login": member_user.email, "password": PASSWORD})

    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.text
    assert "_auth_user_id" not in client.session


def test_password_reset_requests_are_limited(client, home_page, settings):
    settings.ACCOUNT_RATE_LIMITS = {
        **settings.ACCOUNT_RATE_LIMITS,
        "reset_password": "2/m/ip",
    }
    url = reverse("members:password_reset")
    for _ in range(2):
        client.post(url, {"email": "wer@example.org"})

    response = client.post(url, {"email": "wer@example.org"})

    assert response.status_code == 429
