"""German URLs stay as they were; the other languages live under a prefix."""

import pytest


@pytest.mark.parametrize("path", ["/", "/kalender/", "/konto/anmelden/", "/suche/"])
def test_german_urls_are_unchanged_and_german(client, event_index, path):
    response = client.get(path)

    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in response.content.decode()


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_login_page_exists_in_every_language(client, home_page, language):
    response = client.get(f"/{language}/konto/anmelden/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.content.decode()


def test_accept_language_does_not_switch_a_german_url(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="tr,en;q=0.8")

    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in response.content.decode()


def test_language_cookie_does_not_redirect_a_german_url(client, home_page):
    client.cookies["django_language"] = "ar"

    response = client.get("/")

    assert response.status_code == 200
    assert '<html lang="de" dir="ltr">' in response.content.decode()


def test_german_prefix_is_not_a_second_address(client, home_page):
    assert client.get("/de/").status_code == 404


@pytest.mark.parametrize("path", ["/en/admin/", "/tr/api/v2/pages/"])
def test_admin_and_api_have_no_language_prefix(client, home_page, path):
    assert client.get(path).status_code == 404


def test_interface_strings_follow_the_prefix(client, home_page):
    html = client.get("/tr/suche/").content.decode()

    assert "Sitede ara" in html


def test_login_from_a_turkish_members_only_page_stays_turkish(
    client, news_index, members_briefing
):
    response = client.get(f"/tr{members_briefing.url}")

    assert response.status_code == 302
    assert response["Location"].startswith("/tr/konto/anmelden/")


def test_german_page_urls_have_no_language_prefix(public_briefing):
    assert public_briefing.url == f"/{public_briefing.get_parent().slug}/haushalt-2027/"
