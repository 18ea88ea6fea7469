"""Bots are kept out by a honeypot and a minimum fill time; people never notice."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from dialog.factories import ForumPageFactory
from dialog.models.comments import Comment
from dialog.models.registrations import Registration, RegistrationMode
from tests.dialog.registration_helpers import GUEST, register_url, registrable_event
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
    data = {**GUEST, **human_form_fields(seconds_ago=0)}

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
        **human_form_fields(seconds_ago=0),
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
        reverse("dialog:comment_create", args=[forum.pk]),
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
