"""Guests: double opt-in by mail, expiry, and the signed links."""

import datetime
import re
import time

import pytest
from django.core import mail, signing
from django.core.management import call_command
from django.utils import timezone

from registrations.models import Registration, RegistrationMode
from registrations.services import (
    Guest,
    guest_registrations_expire,
    registration_create,
    registration_link,
)
from tests.registrations.registration_helpers import (
    GUEST,
    guest_data,
    register_url,
    registrable_event,
)

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def council(event_index):
    return registrable_event(
        event_index,
        title="Themenrat Mieten",
        registration_mode=RegistrationMode.OPEN,
        capacity=1,
    )


def _link(message):
    return re.search(r"http://testserver(/\S+)", message.body).group(1)


def test_guest_gets_confirmation_link_by_mail(
    client, council, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)

    assert mail.outbox[0].to == ["hanna@example.org"]
    assert "Bitte bestätige deine Anmeldung" in mail.outbox[0].subject
    assert "/mitmachen/anmeldung/bestaetigen/" in mail.outbox[0].body


def test_unconfirmed_guest_holds_no_seat(client, council, member_user):
    client.post(register_url(council), GUEST)

    registration, _ = registration_create(page=council, user=member_user)

    assert registration.status == Status.CONFIRMED


def test_guest_confirming_the_link_takes_the_seat(
    client, council, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(register_url(council), GUEST)
    link = _link(mail.outbox[0])

    page = client.get(link)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)

    assert page.status_code == 200
    assert "Anmeldung bestätigen" in page.content.decode()
    assert response.status_code == 200
    assert Registration.objects.get().status == Status.CONFIRMED
    assert mail.outbox[-1].subject.startswith("Anmeldung bestätigt")


def test_opening_the_confirm_link_alone_changes_nothing(client, council):
    client.post(register_url(council), GUEST)
    registration = Registration.objects.get()

    client.get(registration_link(registration=registration, purpose="confirm"))

    registration.refresh_from_db()
    assert registration.status == Status.UNCONFIRMED


def test_confirmed_guest_on_full_event_waits(client, council, member_user):
    client.post(register_url(council), GUEST)
    registration_create(page=council, user=member_user)
    registration = Registration.objects.get(email="hanna@example.org")

    client.post(registration_link(registration=registration, purpose="confirm"))

    registration.refresh_from_db()
    assert registration.status == Status.WAITING


def test_reused_confirm_link_gets_a_clear_410_page(client, council):
    client.post(register_url(council), GUEST)
    link = registration_link(registration=Registration.objects.get(), purpose="confirm")
    client.post(link)

    response = client.post(link)

    assert response.status_code == 410
    assert "Dieser Link wurde bereits verwendet." in response.content.decode()


def test_forged_token_gets_a_clear_400_page(client):
    forged = signing.dumps(1, salt="somewhere.else")

    response = client.get(f"/mitmachen/anmeldung/bestaetigen/{forged}/")

    assert response.status_code == 400
    assert "Dieser Link ist ungültig." in response.content.decode()


def test_garbage_token_gets_a_clear_400_page(client):
    response = client.post("/mitmachen/anmeldung/absagen/nonsense:token/")

    assert response.status_code == 400


def test_expired_confirm_link_gets_a_clear_410_page(client, council, monkeypatch):
    client.post(register_url(council), GUEST)
    two_days_ago = time.time() - 49 * 3600
    with monkeypatch.context() as patch:
        patch.setattr("django.core.signing.time.time", lambda: two_days_ago)
        link = registration_link(
            registration=Registration.objects.get(), purpose="confirm"
        )

    response = client.post(link)

    assert response.status_code == 410
    assert "Dieser Link ist abgelaufen." in response.content.decode()
    assert Registration.objects.get().status == Status.UNCONFIRMED


def test_unconfirmed_guests_expire_after_48_hours(council):
    registration_create(
        page=council, guest=Guest(name="Hanna", email="hanna@example.org")
    )

    assert guest_registrations_expire(now=timezone.now()) == 0
    expired = guest_registrations_expire(
        now=timezone.now() + datetime.timedelta(hours=49)
    )

    assert expired == 1
    assert Registration.objects.get().status == Status.EXPIRED


def test_expire_command_reports_what_it_expired(council, capsys):
    registration_create(
        page=council, guest=Guest(name="Hanna", email="hanna@example.org")
    )
    Registration.objects.update(created_at=timezone.now() - datetime.timedelta(days=3))

    call_command("expire_registrations")

    assert "1 unconfirmed guest registration(s) expired" in capsys.readouterr().out
    assert Registration.objects.get().status == Status.EXPIRED


def test_guest_cancels_by_token_without_login(
    client, council, member_user, make_user, members_group
):
    registration, _ = registration_create(page=council, user=member_user)
    link = registration_link(registration=registration, purpose="cancel")

    confirm_page = client.get(link)
    response = client.post(link)

    assert confirm_page.status_code == 200
    assert "Möchtest du wirklich absagen?" in confirm_page.content.decode()
    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.status == Status.CANCELLED


def test_same_email_in_other_case_is_the_same_guest(client, council):
    client.post(register_url(council), GUEST)

    client.post(register_url(council), {**GUEST, "email": "HANNA@example.org"})

    assert Registration.objects.count() == 1


def test_a_guest_learns_nothing_about_an_address_registered_already(client, council):
    """The done page of a known address is the page of a new one: another
    visitor typing it in must not learn that its owner is confirmed."""
    client.post(register_url(council), guest_data(client=client))
    registration = Registration.objects.get()
    registration.status = Status.CONFIRMED
    registration.save()
    new_address = client.post(
        register_url(council),
        guest_data(client=client, email="other@example.org"),
        follow=True,
    )

    known_address = client.post(
        register_url(council), guest_data(client=client), follow=True
    )

    assert known_address.status_code == new_address.status_code == 200
    assert "bestätigt" not in known_address.text
    assert "Fast geschafft" in known_address.text
    assert known_address.text.replace("other@", "hanna@") == new_address.text.replace(
        "other@", "hanna@"
    )
