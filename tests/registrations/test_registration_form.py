"""The form asks only what the event offers and answers bad input in German."""

import pytest

from dialog.models import EventFormat
from registrations.models import Registration, RegistrationMode
from tests.registrations.registration_helpers import (
    GUEST,
    register_url,
    registrable_event,
)

pytestmark = pytest.mark.django_db


def _form_html(client, page):
    return client.get(register_url(page)).content.decode()


def test_childcare_question_only_when_childcare_is_offered(client, event_index):
    without = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)
    with_care = registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, childcare_offered=True
    )

    assert 'name="children"' not in _form_html(client, without)
    html = _form_html(client, with_care)
    assert 'name="children"' in html
    assert 'name="child_age_6"' in html


def test_accessibility_questions_only_when_asked(client, event_index):
    without = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)
    asking = registrable_event(
        event_index,
        registration_mode=RegistrationMode.OPEN,
        accessibility_questions=True,
    )

    assert 'name="needs_step_free"' not in _form_html(client, without)
    assert 'name="needs_step_free"' in _form_html(client, asking)


def test_online_participation_only_for_hybrid_events(client, event_index):
    hybrid = registrable_event(
        event_index,
        registration_mode=RegistrationMode.OPEN,
        event_format=EventFormat.HYBRID,
        online_link="https://meet.example.org/x",
        online_participation_offered=True,
    )

    assert 'name="online"' in _form_html(client, hybrid)


def test_online_participation_cannot_be_offered_for_on_site_events(event_index):
    from django.core.exceptions import ValidationError

    event = registrable_event(event_index)
    event.online_participation_offered = True

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert "online_participation_offered" in error.value.message_dict


def test_children_and_their_ages_are_stored(client, event_index, member_user):
    event = registrable_event(event_index, childcare_offered=True)
    client.force_login(member_user)

    client.post(
        register_url(event),
        {"consent": "on", "children": "2", "child_age_1": "0", "child_age_2": "7"},
    )

    assert Registration.objects.get().children_ages == [0, 7]


def test_missing_child_age_is_a_german_field_error(client, event_index, member_user):
    event = registrable_event(event_index, childcare_offered=True)
    client.force_login(member_user)

    response = client.post(
        register_url(event), {"consent": "on", "children": "2", "child_age_1": "4"}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Bitte gib das Alter dieses Kindes an." in html
    assert 'aria-describedby="id_child_age_2_errors' in html
    assert not Registration.objects.exists()


def test_impossible_child_age_is_refused(client, event_index, member_user):
    event = registrable_event(event_index, childcare_offered=True)
    client.force_login(member_user)

    response = client.post(
        register_url(event), {"consent": "on", "children": "1", "child_age_1": "-3"}
    )

    assert response.status_code == 400
    assert not Registration.objects.exists()


def test_guest_with_bad_email_gets_german_errors(client, event_index):
    event = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)

    response = client.post(
        register_url(event), {**GUEST, "email": "kein-at-zeichen", "consent": ""}
    )

    assert response.status_code == 400
    html = response.content.decode()
    assert "Gib eine gültige E-Mail Adresse an." in html
    assert "Bitte stimme zu, sonst können wir dich nicht anmelden." in html


def test_consent_box_is_not_ticked_by_default(client, event_index):
    event = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)

    html = _form_html(client, event)

    assert 'name="consent"' in html
    assert "checked" not in html.split('name="consent"')[1].split(">")[0]


def test_double_submit_creates_one_registration(client, event_index, member_user):
    event = registrable_event(event_index)
    client.force_login(member_user)

    client.post(register_url(event), {"consent": "on"})
    client.post(register_url(event), {"consent": "on"})

    assert Registration.objects.count() == 1


def test_consent_is_recorded_with_timestamp(client, event_index, member_user):
    event = registrable_event(event_index)
    client.force_login(member_user)

    client.post(register_url(event), {"consent": "on"})

    assert Registration.objects.get().consent_at is not None


def test_registration_on_private_page_is_not_found_for_visitors(
    client, event_index, members_group
):
    from wagtail.models import PageViewRestriction

    event = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members_group)

    assert client.post(register_url(event), GUEST).status_code == 404
    assert not Registration.objects.exists()
