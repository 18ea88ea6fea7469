"""A person deletes their account: their data goes, comments and counts stay."""

import pytest
from allauth.usersessions.models import UserSession
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models.functions import Cast
from django.test import Client
from django.urls import reverse

from comments.models import Comment
from registrations.models import Registration
from tests.conftest import PASSWORD
from tests.members.privacy_helpers import person_with_data

pytestmark = pytest.mark.django_db

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


@pytest.fixture
def rosa(member_user, district, event_index, home_page):
    pages = person_with_data(
        member_user,
        name="Rosa Luxemburg",
        district=district,
        event_index=event_index,
        home_page=home_page,
        phone="030 1111111",
    )
    return member_user, pages


def rows_containing(text):
    """``app.Model.field`` of every stored value that contains ``text``."""
    found = []
    for model in apps.get_models():
        if not model._meta.managed or model._meta.proxy:
            continue
        for field in model._meta.concrete_fields:
            if not isinstance(field, TEXT_FIELDS):
                continue
            matches = model._default_manager.annotate(
                _as_text=Cast(field.attname, models.TextField())
            ).filter(_as_text__icontains=text)
            if matches.exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def erase(client, user):
    client.force_login(user)
    return client.post(
        reverse("members:account_delete"), {"password": PASSWORD, "confirm": "on"}
    )


def test_nothing_stored_holds_the_persons_email_name_or_phone(client, rosa):
    user, _pages = rosa
    traces = [
        user.email,
        "rosa.alt@example.org",
        "Luxemburg",
        "030 1111111",
        f"{user.pk}4711",
    ]
    assert all(rows_containing(trace) for trace in traces)  # the scan finds them

    response = erase(client, user)

    assert response.status_code == 302
    assert response.url == reverse("members:account_deleted")
    assert {trace: rows_containing(trace) for trace in traces} == {
        trace: [] for trace in traces
    }
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_comments_stay_and_show_a_former_member(client, rosa):
    user, (_event, _past, forum) = rosa

    erase(client, user)

    comment = Comment.objects.get(body="Mein Beitrag, rosa")
    assert comment.author is None
    thread = Client().get(forum.url)
    assert thread.status_code == 200
    assert "Mein Beitrag, rosa" in thread.text
    assert "Ehemaliges Mitglied" in thread.text
    assert "Rosa Luxemburg" not in thread.text


def test_registrations_stay_counted_without_the_person(client, rosa):
    user, (event, past, _forum) = rosa
    before = Registration.objects.count()

    erase(client, user)

    assert Registration.objects.count() == before
    upcoming = Registration.objects.get(page=event)
    assert upcoming.status == "cancelled"  # the seat is free for others
    attended = Registration.objects.get(page=past)
    assert attended.status == "confirmed"
    assert (attended.name, attended.email, attended.organisation) == ("", "", "")
    assert attended.anonymised_at is not None


def test_erasure_logs_out_everywhere_and_confirms(client, rosa):
    user, _pages = rosa
    other_device = Client()
    other_device.post(
        reverse("members:login"), {"login": user.email, "password": PASSWORD}
    )
    assert other_device.get(reverse("members:profile")).status_code == 200

    response = erase(client, user)
    confirmation = client.get(response.url)

    assert confirmation.status_code == 200
    assert "Dein Konto wurde gelöscht" in confirmation.text
    assert client.get(reverse("members:profile")).status_code == 302
    assert other_device.get(reverse("members:profile")).status_code == 302
    assert not UserSession.objects.exists()


def test_a_wrong_password_deletes_nothing(client, rosa):
    user, _pages = rosa
    client.force_login(user)

    response = client.post(
        reverse("members:account_delete"), {"password": "falsch", "confirm": "on"}
    )

    assert response.status_code == 400
    assert "Das Passwort ist nicht richtig." in response.text
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_without_the_checkbox_nothing_is_deleted(client, rosa):
    user, _pages = rosa
    client.force_login(user)

    response = client.post(reverse("members:account_delete"), {"password": PASSWORD})

    assert response.status_code == 400
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_an_empty_post_is_refused_with_messages_and_deletes_nothing(client, rosa):
    user, _pages = rosa
    client.force_login(user)

    response = client.post(reverse("members:account_delete"), {})

    assert response.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden." in response.text
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_get_shows_the_form_and_deletes_nothing(client, rosa):
    user, _pages = rosa
    client.force_login(user)

    response = client.get(reverse("members:account_delete"))

    assert response.status_code == 200
    assert 'type="password"' in response.text
    assert get_user_model().objects.filter(pk=user.pk).exists()


@pytest.mark.parametrize("role", ["superuser", "state_office_user"])
def test_staff_cannot_erase_themselves_here(client, role, request):
    user = request.getfixturevalue(role)
    client.force_login(user)

    shown = client.get(reverse("members:account_delete"))
    refused = client.post(
        reverse("members:account_delete"), {"password": PASSWORD, "confirm": "on"}
    )

    assert shown.status_code == 200
    assert "Landesgeschäftsstelle" in shown.text
    assert 'type="password"' not in shown.text
    assert refused.status_code == 403
    assert get_user_model().objects.filter(pk=user.pk).exists()


def test_password_guessing_is_limited(client, rosa, settings):
    user, _pages = rosa
    settings.PORTAL_RATE_LIMITS = {
        **settings.PORTAL_RATE_LIMITS,
        "account_erase": {"user": "2/3600"},
    }
    client.force_login(user)
    statuses = [
        client.post(
            reverse("members:account_delete"), {"password": "x", "confirm": "on"}
        ).status_code
        for _ in range(3)
    ]

    assert statuses == [400, 400, 429]


def test_account_mails_kept_for_a_retry_go_but_others_stay(client, rosa):
    from core.models import OutgoingMail
    from core.outbox import KEPT_MAIL_BUILDER

    user, _pages = rosa
    other = OutgoingMail.objects.create(
        builder=KEPT_MAIL_BUILDER,
        arguments={"subject": "Hallo", "body": "Text", "to": ["karl@example.org"]},
    )
    by_id = OutgoingMail.objects.create(
        builder="registrations.services.registration_message",
        arguments={"registration_id": 1, "kind": "confirm"},
    )
    assert OutgoingMail.objects.count() == 4

    erase(client, user)

    assert set(OutgoingMail.objects.values_list("pk", flat=True)) == {
        other.pk,
        by_id.pk,
    }
