"""Flash messages appear in the language of the page that shows them."""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from members.factories import VerifiedEmailFactory
from tests.conftest import PASSWORD


def translated(language, msgid, **values):
    with translation.override(language):
        return gettext(msgid) % values


@pytest.fixture
def rosa(member_user):
    member_user.first_name, member_user.last_name = "Rosa", "Luxemburg"
    member_user.save()
    VerifiedEmailFactory(user=member_user)
    return member_user


def log_in_on_the_german_page(client):
    response = client.post(
        reverse("members:login"),
        {"login": "rosa@example.org", "password": PASSWORD, "next": "/ar/"},
    )
    assert response.status_code == 302 and response.url == "/ar/"


def test_login_message_shows_in_arabic_on_the_next_arabic_page(client, home_page, rosa):
    log_in_on_the_german_page(client)

    html = client.get("/ar/").content.decode()

    name = "Rosa Luxemburg"
    arabic = translated("ar", "Successfully signed in as %(name)s.", name=name)
    german = translated("de", "Successfully signed in as %(name)s.", name=name)
    assert arabic != german
    assert arabic in html
    assert german not in html


def test_message_is_shown_once(client, home_page, rosa):
    log_in_on_the_german_page(client)
    client.get("/ar/")

    html = client.get("/ar/").content.decode()

    assert 'class="messages"' not in html


def test_logout_message_shows_in_the_language_of_the_next_page(client, home_page, rosa):
    client.force_login(rosa)
    client.post(reverse("members:logout"))

    html = client.get("/tr/").content.decode()

    assert translated("tr", "You have signed out.") in html
    assert translated("de", "You have signed out.") not in html


def test_own_message_shows_in_the_language_of_the_next_page(client, home_page, rosa):
    client.force_login(rosa)
    client.post(reverse("members:pool_pause"), {"until": "kein Datum"})

    html = client.get("/ar/").content.decode()

    assert translated("ar", "Please enter a valid date.") in html
    assert translated("de", "Please enter a valid date.") not in html


def test_message_shows_in_german_on_a_german_page(client, home_page, rosa):
    client.force_login(rosa)

    response = client.post(
        reverse("members:pool_pause"), {"until": "kein Datum"}, follow=True
    )

    assert translated("de", "Please enter a valid date.") in response.content.decode()
