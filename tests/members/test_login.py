"""Members log in with their email address; mistakes are explained in German."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from members.factories import VerifiedEmailFactory
from tests.conftest import PASSWORD

LOGIN_URL = reverse("members:login")
WRONG_LOGIN = "E-Mail-Adresse oder Passwort ist falsch."


@pytest.fixture
def de_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    return client


@pytest.fixture
def rosa(member_user):
    VerifiedEmailFactory(user=member_user)
    return member_user


def test_login_page_renders_a_form(de_client, home_page):
    response = de_client.get(LOGIN_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="login"' in html
    assert 'name="password"' in html
    assert "csrfmiddlewaretoken" in html


def test_login_page_is_german(de_client, home_page):
    html = de_client.get(LOGIN_URL).content.decode()

    assert 'lang="de"' in html
    assert "Anmelden" in html
    assert "E-Mail-Adresse" in html


def test_member_can_log_in_with_their_email_address(de_client, rosa):
    response = de_client.post(
        LOGIN_URL, {"login": "rosa@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == "/"
    assert int(de_client.session[SESSION_KEY]) == rosa.pk


def test_staff_can_log_in_with_their_username(de_client, rosa):
    response = de_client.post(LOGIN_URL, {"login": "rosa", "password": PASSWORD})

    assert response.status_code == 302
    assert int(de_client.session[SESSION_KEY]) == rosa.pk


def test_member_is_sent_back_to_the_page_they_came_from(
    de_client, members_briefing, rosa
):
    response = de_client.post(
        LOGIN_URL,
        {
            "login": "rosa@example.org",
            "password": PASSWORD,
            "next": members_briefing.url,
        },
    )

    assert response.url == members_briefing.url
    assert de_client.get(response.url).status_code == 200


def test_login_does_not_redirect_to_another_site(de_client, rosa):
    response = de_client.post(
        LOGIN_URL,
        {
            "login": "rosa@example.org",
            "password": PASSWORD,
            "next": "https://evil.example/",
        },
    )

    assert response.url == "/"


def test_wrong_password_redisplays_the_form_with_a_german_error(de_client, rosa):
    response = de_client.post(
        LOGIN_URL, {"login": "rosa@example.org", "password": "falsch"}
    )

    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()
    assert SESSION_KEY not in de_client.session


def test_wrong_password_keeps_the_email_address(de_client, rosa):
    response = de_client.post(
        LOGIN_URL, {"login": "rosa@example.org", "password": "falsch"}
    )

    assert 'value="rosa@example.org"' in response.content.decode()


def test_unknown_user_gets_the_same_error_as_a_wrong_password(de_client, rosa):
    response = de_client.post(
        LOGIN_URL, {"login": "niemand@example.org", "password": "falsch"}
    )

    assert response.status_code == 200
    assert WRONG_LOGIN in response.content.decode()


def test_empty_form_is_redisplayed_with_german_field_errors(de_client, home_page):
    response = de_client.post(LOGIN_URL, {})

    assert response.status_code == 200
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()


@pytest.mark.parametrize("login", ["x" * 120_000, "%" * 60_000, "a@" + "b" * 300])
def test_overlong_login_is_refused_before_the_account_lookup(de_client, rosa, login):
    response = de_client.post(LOGIN_URL, {"login": login, "password": PASSWORD})

    assert response.status_code == 200
    assert "höchstens 254 Zeichen" in response.content.decode()
    assert SESSION_KEY not in de_client.session


def test_inactive_member_cannot_log_in(de_client, rosa):
    rosa.is_active = False
    rosa.save()

    de_client.post(LOGIN_URL, {"login": "rosa@example.org", "password": PASSWORD})

    assert SESSION_KEY not in de_client.session


def test_account_with_unverified_email_is_asked_to_verify_first(
    de_client, member_user, mailoutbox
):
    response = de_client.post(
        LOGIN_URL, {"login": "rosa@example.org", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert SESSION_KEY not in de_client.session
    assert mailoutbox[0].to == ["rosa@example.org"]


def test_logged_in_non_member_sent_from_a_members_only_page_is_not_redirected(
    de_client, members_briefing, non_member_user
):
    de_client.force_login(non_member_user)

    response = de_client.get(f"{LOGIN_URL}?next={members_briefing.url}")

    assert response.status_code == 200
    assert "kannst du die Seite, von der du kommst, nicht öffnen" in (
        response.content.decode()
    )


def test_logged_in_member_can_log_out(de_client, member_user):
    de_client.force_login(member_user)

    response = de_client.post(reverse("members:logout"))

    assert response.status_code == 302
    assert SESSION_KEY not in de_client.session


def test_admin_login_goes_through_the_site_login(client, home_page):
    response = client.get("/admin/login/?next=/admin/pages/")

    assert response.status_code == 302
    assert response.url == f"{LOGIN_URL}?next=/admin/pages/"


def test_admin_sends_visitors_to_the_site_login(client, home_page):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith(LOGIN_URL)
