"""Sessions: new on login, listed and ended by members, ended by password change."""

import pytest
from allauth.usersessions.models import UserSession
from django.test import Client
from django.urls import reverse

from members.factories import VerifiedEmailFactory
from members.privacy import member_data_erase, member_data_export
from tests.conftest import PASSWORD

NEW_PASSWORD = "ein-neues-passwort-43"


@pytest.fixture
def account(member_user):
    VerifiedEmailFactory(user=member_user)
    return member_user


def log_in(client, user, **extra):
    response = client.post(
        reverse("members:login"),
        {"login": user.email, "password": PASSWORD},
        **extra,
    )
    assert response.status_code == 302, response.status_code
    return client


def is_logged_in(client):
    return client.get(reverse("members:profile")).status_code == 200


def test_logging_in_gives_a_new_session_key(client, account, home_page):
    client.get(reverse("members:login"))
    client.session.save()
    before = client.session.session_key

    log_in(client, account)

    assert client.session.session_key != before


def test_members_see_their_sessions_with_the_browser(client, account, home_page):
    log_in(Client(), account, HTTP_USER_AGENT="Firefox auf dem Laptop")
    log_in(client, account, HTTP_USER_AGENT="Handy-Browser")

    response = client.get(reverse("members:sessions"))

    assert response.status_code == 200
    assert "Firefox auf dem Laptop" in response.text
    assert "dieser Browser" in response.text
    assert '<th scope="col">' in response.text


def test_the_session_list_needs_a_login(client, home_page):
    response = client.get(reverse("members:sessions"))

    assert response.status_code == 302
    assert reverse("members:login") in response["Location"]


def test_ending_the_other_sessions_logs_out_the_other_browser(
    client, account, home_page
):
    laptop = log_in(Client(), account)
    log_in(client, account)

    client.post(reverse("members:sessions"))

    assert not is_logged_in(laptop)
    assert is_logged_in(client)


def test_logging_out_everywhere_ends_every_session(client, account, home_page):
    laptop = log_in(Client(), account)
    log_in(client, account)

    response = client.post(reverse("members:logout_everywhere"))

    assert response.status_code == 302
    assert not is_logged_in(laptop)
    assert not is_logged_in(client)
    assert not UserSession.objects.filter(user=account).exists()


def test_changing_the_password_ends_the_other_sessions(client, account, home_page):
    laptop = log_in(Client(), account)
    log_in(client, account)

    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert not is_logged_in(laptop)
    assert is_logged_in(client)


def test_the_profile_links_to_the_sessions(client, account, home_page):
    log_in(client, account)

    response = client.get(reverse("members:profile"))

    assert reverse("members:sessions") in response.text


def test_sessions_are_in_the_export_and_ended_on_erasure(client, account, home_page):
    log_in(client, account, HTTP_USER_AGENT="Firefox")

    exported = dict(member_data_export(account))
    member_data_erase(account)

    assert exported["sessions"][0]["user_agent"] == "Firefox"
    assert not UserSession.objects.filter(user=account).exists()
    assert not is_logged_in(client)


@pytest.mark.parametrize("path", ["/admin/login/", "/admin/login/?next=/admin/pages/"])
def test_the_admin_login_goes_through_the_limited_site_login(client, db, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))


def test_the_admin_password_reset_goes_to_the_site_password_reset(client, db):
    response = client.get("/admin/password_reset/")

    assert response.status_code == 302
    assert response["Location"] == reverse("members:password_reset")
