"""Bots are kept out by a honeypot and a minimum fill time; people never notice.

The signed token of a form is good for one post, of that form, from the browser
it was shown to, for PORTAL_FORM_MAX_SECONDS.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from dialog.factories import ForumPageFactory
from registrations.models import Registration, RegistrationMode
from tests.registrations.registration_helpers import (
    GUEST,
    register_url,
    registrable_event,
)
from tests.utils import human_form_fields


@pytest.fixture
def open_event(event_index):
    return registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, capacity=10
    )


def test_the_registration_form_carries_the_hidden_fields(client, open_event):
    response = client.get(register_url(open_event))

    assert 'name="homepage"' in response.text
    assert 'name="form_started"' in response.text
    assert 'aria-hidden="true"' in response.text


def test_a_person_registers_as_a_guest(client, open_event):
    response = client.post(register_url(open_event), GUEST)

    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_a_filled_honeypot_gets_a_400_and_stores_nothing(client, open_event):
    response = client.post(register_url(open_event), {**GUEST, "homepage": "spam"})

    assert response.status_code == 400
    assert "nicht verarbeitet" in response.text
    assert not Registration.objects.exists()


def test_a_form_sent_within_a_second_is_refused(client, open_event):
    data = {**GUEST, **human_form_fields("registration", seconds_ago=0)}

    response = client.post(register_url(open_event), data)

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_a_post_without_the_signed_time_is_refused(client, open_event):
    data = {key: value for key, value in GUEST.items() if key != "form_started"}

    response = client.post(register_url(open_event), data)

    assert response.status_code == 400


def test_a_forged_time_is_refused(client, open_event):
    response = client.post(register_url(open_event), {**GUEST, "form_started": "1"})

    assert response.status_code == 400


def test_a_bot_signing_up_is_refused(client, home_page):
    data = {
        "email": "bot@example.org",
        "password1": "ein-sicheres-passwort-42",
        "password2": "ein-sicheres-passwort-42",
        **human_form_fields("signup", seconds_ago=0),
    }

    response = client.post(reverse("members:signup"), data)

    assert response.status_code == 400
    assert not get_user_model().objects.filter(email="bot@example.org").exists()


def test_allauths_own_sign_up_address_is_protected_too(client, home_page):
    response = client.post("/konto/signup/", {"email": "bot@example.org"})

    assert response.status_code == 400


def test_a_logged_in_commenter_filling_the_honeypot_is_refused(
    client, member_user, home_page
):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    client.force_login(member_user)

    response = client.post(
        reverse("comments:comment_create", args=[forum.pk]),
        {"body": "Kauft billige Uhren", "homepage": "http://spam.example"},
    )

    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_the_comment_form_carries_a_honeypot_with_unique_ids(
    client, member_user, home_page
):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    client.force_login(member_user)

    html = client.get(forum.url).text

    assert 'id="comment-new_homepage"' in html


STALE = "schon gesendet"


def token_from(html):
    return re.search(r'name="form_started" value="([^"]+)"', html).group(1)


@pytest.fixture
def no_wait(settings):
    settings.PORTAL_FORM_MIN_SECONDS = 0
    settings.PORTAL_RATE_LIMITS = {}


def guest(email, token):
    return {**GUEST, "email": email, "form_started": token}


def test_a_token_from_the_form_is_accepted_only_once(client, open_event, no_wait):
    token = token_from(client.get(register_url(open_event)).text)

    first = client.post(register_url(open_event), guest("a@example.org", token))
    replayed = [
        client.post(register_url(open_event), guest(f"{n}@example.org", token))
        for n in range(5)
    ]

    assert first.status_code == 302
    assert [response.status_code for response in replayed] == [400] * 5
    assert Registration.objects.count() == 1


def test_a_replayed_token_shows_the_form_again_with_what_was_typed(
    client, open_event, no_wait
):
    token = token_from(client.get(register_url(open_event)).text)
    client.post(register_url(open_event), guest("a@example.org", token))

    response = client.post(register_url(open_event), guest("b@example.org", token))

    assert response.status_code == 400
    assert STALE in response.text
    assert 'value="b@example.org"' in response.text
    assert 'value="Mieterinitiative Kotti"' in response.text
    assert token_from(response.text) != token


def test_a_token_older_than_the_maximum_age_is_not_accepted(
    client, open_event, settings
):
    settings.PORTAL_FORM_MAX_SECONDS = 3 * 3600
    data = {**GUEST, **human_form_fields("registration", seconds_ago=3 * 3600 + 60)}

    response = client.post(register_url(open_event), data)

    assert response.status_code == 400
    assert STALE in response.text
    assert 'value="Hanna Beispiel"' in response.text
    assert not Registration.objects.exists()


def test_a_token_of_another_form_is_not_accepted(client, open_event):
    data = {**GUEST, **human_form_fields("subscribe")}

    response = client.post(register_url(open_event), data)

    assert response.status_code == 400
    assert STALE in response.text
    assert not Registration.objects.exists()


def test_a_token_from_another_browser_is_not_accepted(open_event, no_wait):
    alice, mallory = Client(), Client()
    token = token_from(alice.get(register_url(open_event)).text)
    mallory.get(register_url(open_event))

    response = mallory.post(register_url(open_event), guest("m@example.org", token))

    assert response.status_code == 400
    assert not Registration.objects.exists()
    assert (
        alice.post(register_url(open_event), guest("a@example.org", token)).status_code
        == 302
    )


def test_a_stale_sign_up_shows_the_form_again(client, home_page, no_wait):
    token = token_from(client.get(reverse("members:signup")).text)
    data = {
        "email": "clara@example.org",
        "password1": "ein-sicheres-passwort-42",
        "password2": "ein-sicheres-passwort-42",
        "form_started": token,
        "homepage": "",
    }
    client.post(reverse("members:signup"), data)
    client.logout()

    response = client.post(reverse("members:signup"), {**data, "email": "b@x.org"})

    assert response.status_code == 400
    assert STALE in response.text
    assert 'value="b@x.org"' in response.text
    assert get_user_model().objects.filter(email="clara@example.org").exists()
    assert not get_user_model().objects.filter(email="b@x.org").exists()


def test_a_stale_subscription_shows_the_form_again(client, home_page, no_wait):
    data = {
        "email": "leser@example.org",
        "kinds": ["briefing"],
        "frequency": "immediate",
        "consent": "on",
        **human_form_fields("registration"),
    }

    response = client.post(reverse("subscriptions:subscription_subscribe"), data)

    assert response.status_code == 400
    assert STALE in response.text
    assert 'value="leser@example.org"' in response.text


def test_comment_lists_carry_no_token_that_could_be_cached(
    client, member_user, home_page
):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    client.force_login(member_user)

    html = client.get(forum.url).text

    assert 'name="homepage"' in html
    assert 'name="form_started"' not in html
