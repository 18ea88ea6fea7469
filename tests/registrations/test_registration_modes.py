"""Who may register: members-only events, events open to guests, none."""

import pytest
from django.urls import reverse

from registrations.models import Registration, RegistrationMode
from tests.registrations.registration_helpers import (
    GUEST,
    register_url,
    registrable_event,
)

pytestmark = pytest.mark.django_db


def test_member_registers_for_members_only_event(client, event_index, member_user):
    event = registrable_event(event_index)
    client.force_login(member_user)

    response = client.post(register_url(event), {"consent": "on"})

    assert response.status_code == 302
    registration = Registration.objects.get(page=event)
    assert registration.user == member_user
    assert registration.status == Registration.Status.CONFIRMED


def test_visitor_posting_to_members_only_event_is_sent_to_login(client, event_index):
    event = registrable_event(event_index)
    # What the members-only form sends: no guest details (those get a 403,
    # tests/dialog/test_working_group_guests.py).
    without_details = {
        key: value
        for key, value in GUEST.items()
        if key not in ("name", "email", "organisation")
    }

    response = client.post(register_url(event), without_details)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("members:login"))
    assert not Registration.objects.exists()


def test_visitor_sees_members_only_notice_on_event_page(client, event_index):
    event = registrable_event(event_index)

    html = client.get(event.url).content.decode()

    assert "Nur für Mitglieder – bitte anmelden" in html
    assert 'name="consent"' not in html


def test_unverified_account_is_refused_with_403(client, event_index, non_member_user):
    event = registrable_event(event_index)
    client.force_login(non_member_user)

    response = client.post(register_url(event), {"consent": "on"})

    assert response.status_code == 403
    assert "verifiziert" in response.content.decode()
    assert not Registration.objects.exists()


def test_unverified_account_sees_that_verification_is_needed(
    client, event_index, non_member_user
):
    event = registrable_event(event_index)
    client.force_login(non_member_user)

    html = client.get(event.url).content.decode()

    assert "noch nicht bestätigt" in html


def test_guest_registers_for_open_event_unconfirmed(client, event_index):
    event = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)

    response = client.post(register_url(event), GUEST)

    assert response.status_code == 302
    registration = Registration.objects.get(page=event)
    assert registration.status == Registration.Status.UNCONFIRMED
    assert registration.organisation == "Mieterinitiative Kotti"


def test_event_without_registration_has_no_form_and_404(client, event_index):
    event = registrable_event(event_index, registration_mode=RegistrationMode.NONE)

    assert 'id="anmeldung"' not in client.get(event.url).content.decode()
    assert client.post(register_url(event), GUEST).status_code == 404


def test_registration_closes_at_the_deadline(client, event_index, member_user):
    from django.utils import timezone

    event = registrable_event(
        event_index, registration_deadline=timezone.now() - timezone.timedelta(hours=1)
    )
    client.force_login(member_user)

    response = client.post(register_url(event), {"consent": "on"})

    assert response.status_code == 409
    assert "Die Anmeldung ist geschlossen." in response.content.decode()
    assert not Registration.objects.exists()


def test_page_says_when_registration_is_closed(client, event_index, member_user):
    from django.utils import timezone

    event = registrable_event(
        event_index, registration_deadline=timezone.now() - timezone.timedelta(hours=1)
    )
    client.force_login(member_user)

    assert "Die Anmeldung ist geschlossen." in client.get(event.url).content.decode()


def test_working_group_join_without_date(client, home_page, member_user):
    from dialog.factories import WorkingGroupPageFactory

    group = WorkingGroupPageFactory(
        parent=home_page, registration_mode=RegistrationMode.OPEN
    )
    client.force_login(member_user)

    client.post(register_url(group), {"consent": "on"})

    assert Registration.objects.get(page=group).status == "confirmed"
    assert "Du bist dieser Gruppe beigetreten" in client.get(group.url).content.decode()


def test_course_registration_for_members(client, course_index, member_user):
    from education.factories import CoursePageFactory, CourseSessionFactory

    course = CoursePageFactory(
        parent=course_index, registration_mode=RegistrationMode.MEMBERS, capacity=1
    )
    CourseSessionFactory(page=course)
    client.force_login(member_user)

    client.post(register_url(course), {"consent": "on"})

    assert Registration.objects.get(page=course).status == "confirmed"


def test_preview_of_an_unsaved_event_with_registration_renders(
    client, event_index, superuser
):
    from django.test import RequestFactory

    from dialog.factories import EventPageFactory

    event = EventPageFactory.build(registration_mode=RegistrationMode.OPEN)
    request = RequestFactory().get("/")
    request.user = superuser

    response = event.serve_preview(request, "")

    assert response.status_code == 200
