"""Members log in with username and password; mistakes are explained in German."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse

from tests.conftest import PASSWORD

LOGIN_URL = reverse("members:login")


@pytest.fixture
def de_client(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "de"
    return client


def test_login_page_renders_a_form(de_client, home_page):
    response = de_client.get(LOGIN_URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="username"' in html
    assert 'name="password"' in html
    assert "csrfmiddlewaretoken" in html


def test_login_page_is_german(de_client, home_page):
    html = de_client.get(LOGIN_URL).content.decode()

    assert 'lang="de"' in html
    assert "Anmelden" in html


def test_member_can_log_in(de_client, member_user):
    response = de_client.post(LOGIN_URL, {"username": "rosa", "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/"
    assert int(de_client.session[SESSION_KEY]) == member_user.pk


def test_member_is_sent_back_to_the_page_they_came_from(
    de_client, members_briefing, member_user
):
    response = de_client.post(
        LOGIN_URL,
        {"username": "rosa", "password": PASSWORD, "next": members_briefing.url},
    )

    assert response.url == members_briefing.url
    assert de_client.get(response.url).status_code == 200


def test_login_does_not_redirect_to_another_site(de_client, member_user):
    response = de_client.post(
        LOGIN_URL,
        {"username": "rosa", "password": PASSWORD, "next": "https://evil.example/"},
    )

    assert response.url == "/"


def test_wrong_password_redisplays_the_form_with_a_german_error(de_client, member_user):
    response = de_client.post(LOGIN_URL, {"username": "rosa", "password": "falsch"})

    assert response.status_code == 200
    assert "Benutzername oder Passwort ist falsch." in response.content.decode()
    assert SESSION_KEY not in de_client.session


def test_wrong_password_keeps_the_username(de_client, member_user):
    response = de_client.post(LOGIN_URL, {"username": "rosa", "password": "falsch"})

    assert 'value="rosa"' in response.content.decode()


def test_unknown_user_gets_the_same_error_as_a_wrong_password(de_client, member_user):
    response = de_client.post(LOGIN_URL, {"username": "niemand", "password": "falsch"})

    assert response.status_code == 200
    assert "Benutzername oder Passwort ist falsch." in response.content.decode()


def test_empty_form_is_redisplayed(de_client, home_page):
    response = de_client.post(LOGIN_URL, {})

    assert response.status_code == 200
    assert response.context["form"].errors


def test_inactive_member_cannot_log_in(de_client, member_user):
    member_user.is_active = False
    member_user.save()

    response = de_client.post(LOGIN_URL, {"username": "rosa", "password": PASSWORD})

    assert response.status_code == 200
    assert SESSION_KEY not in de_client.session


def test_logged_in_member_can_log_out(de_client, member_user):
    de_client.force_login(member_user)

    response = de_client.post(reverse("members:logout"))

    assert response.status_code == 302
    assert SESSION_KEY not in de_client.session
