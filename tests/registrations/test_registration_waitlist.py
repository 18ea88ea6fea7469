"""Capacity, waiting list in order, offers by mail, expiry, manual promote."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from registrations.models import Registration
from registrations.services import (
    RegistrationError,
    registration_cancel,
    registration_create,
    registration_promote,
    waitlist_offer_accept,
    waitlist_offers_expire,
)
from tests.registrations.registration_helpers import registrable_event, statuses

pytestmark = pytest.mark.django_db

Status = Registration.Status


@pytest.fixture
def members(make_user, members_group):
    return [
        make_user(name, groups=[members_group], first_name=name.title())
        for name in ("anna", "bert", "cem", "dana")
    ]


@pytest.fixture
def full_event(event_index, members, django_capture_on_commit_callbacks):
    """Two seats: Anna and Bert confirmed, Cem and Dana waiting in that order."""
    event = registrable_event(event_index, capacity=2)
    with django_capture_on_commit_callbacks(execute=True):
        for member in members:
            registration_create(page=event, user=member)
    mail.outbox.clear()
    return event


def test_full_event_puts_people_on_waiting_list_in_order(full_event):
    assert statuses(full_event) == [
        ("Anna", Status.CONFIRMED),
        ("Bert", Status.CONFIRMED),
        ("Cem", Status.WAITING),
        ("Dana", Status.WAITING),
    ]


def test_waiting_person_sees_position_on_page(client, full_event, members):
    client.force_login(members[3])

    html = client.get(full_event.url).content.decode()

    assert "Du stehst auf der Warteliste, auf Platz 2." in html


def test_cancel_offers_freed_seat_to_first_waiting_by_mail(
    full_event, django_capture_on_commit_callbacks
):
    anna = Registration.objects.get(page=full_event, user__username="anna")

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=anna)

    cem = Registration.objects.get(page=full_event, user__username="cem")
    assert cem.status == Status.OFFERED
    assert cem.offer_expires_at is not None
    assert [m.to for m in mail.outbox] == [["cem@example.org"]]
    assert "Ein Platz ist für dich frei" in mail.outbox[0].subject
    assert "/mitmachen/anmeldung/platz-annehmen/" in mail.outbox[0].body
    assert Registration.objects.get(user__username="dana").status == Status.WAITING


def test_accepted_offer_confirms_the_seat(
    full_event, django_capture_on_commit_callbacks
):
    registration_cancel(
        registration=Registration.objects.get(page=full_event, user__username="anna")
    )
    cem = Registration.objects.get(page=full_event, user__username="cem")

    with django_capture_on_commit_callbacks(execute=True):
        waitlist_offer_accept(registration=cem)

    cem.refresh_from_db()
    assert cem.status == Status.CONFIRMED
    assert mail.outbox[0].subject.startswith("Anmeldung bestätigt")


def test_expired_offer_goes_to_the_next_waiting_person(
    full_event, django_capture_on_commit_callbacks
):
    registration_cancel(
        registration=Registration.objects.get(page=full_event, user__username="anna")
    )
    later = timezone.now() + datetime.timedelta(hours=49)

    with django_capture_on_commit_callbacks(execute=True):
        expired = waitlist_offers_expire(now=later)

    assert expired == 1
    assert Registration.objects.get(user__username="cem").status == Status.EXPIRED
    assert Registration.objects.get(user__username="dana").status == Status.OFFERED
    assert [m.to for m in mail.outbox] == [["dana@example.org"]]


def test_offer_cannot_be_accepted_after_it_expired(full_event):
    registration_cancel(
        registration=Registration.objects.get(page=full_event, user__username="anna")
    )
    cem = Registration.objects.get(page=full_event, user__username="cem")

    with pytest.raises(RegistrationError) as error:
        waitlist_offer_accept(
            registration=cem, now=timezone.now() + datetime.timedelta(hours=49)
        )

    assert error.value.status == 410


def test_offer_is_not_made_before_open_offers_expire(full_event):
    """Seats held by an open offer count: nobody else gets the same seat."""
    registration_cancel(
        registration=Registration.objects.get(page=full_event, user__username="anna")
    )

    assert Registration.objects.filter(page=full_event).holding_seats().count() == 2
    assert Registration.objects.get(user__username="dana").status == Status.WAITING


def test_organiser_promotes_waiting_person_into_a_free_seat(full_event):
    full_event.capacity = 3
    full_event.save()
    dana = Registration.objects.get(page=full_event, user__username="dana")

    registration_promote(registration=dana)

    dana.refresh_from_db()
    assert dana.status == Status.CONFIRMED


def test_promote_refuses_when_no_seat_is_free(full_event):
    dana = Registration.objects.get(page=full_event, user__username="dana")

    with pytest.raises(RegistrationError):
        registration_promote(registration=dana)

    dana.refresh_from_db()
    assert dana.status == Status.WAITING


def test_event_without_capacity_confirms_everyone(event_index, members):
    event = registrable_event(event_index, capacity=None)

    for member in members:
        registration_create(page=event, user=member)

    assert set(Registration.objects.values_list("status", flat=True)) == {
        Status.CONFIRMED
    }


def test_member_cancels_own_registration_on_the_page(client, full_event, members):
    anna = Registration.objects.get(page=full_event, user=members[0])
    client.force_login(members[0])

    response = client.post(f"/mitmachen/anmeldung/meine/{anna.pk}/absagen/")

    assert response.status_code == 200
    anna.refresh_from_db()
    assert anna.status == Status.CANCELLED


def test_nobody_can_cancel_someone_elses_registration(client, full_event, members):
    anna = Registration.objects.get(page=full_event, user=members[0])
    client.force_login(members[1])

    response = client.post(f"/mitmachen/anmeldung/meine/{anna.pk}/absagen/")

    assert response.status_code == 404
    anna.refresh_from_db()
    assert anna.status == Status.CONFIRMED


def test_editor_publishing_a_raised_capacity_offers_the_seat(
    client, full_event, superuser, django_capture_on_commit_callbacks
):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    client.force_login(superuser)
    data = nested_form_data(
        {
            "title": full_event.title,
            "slug": full_event.slug,
            "kind": full_event.kind,
            "start": full_event.start.strftime("%Y-%m-%d %H:%M"),
            "end": full_event.end.strftime("%Y-%m-%d %H:%M"),
            "teaser": full_event.teaser,
            "event_format": full_event.event_format,
            "venue": full_event.venue_id,
            "registration_mode": full_event.registration_mode,
            "capacity": 3,
            "body": streamfield([]),
            "results": streamfield([]),
            "action-publish": "publish",
        }
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{full_event.pk}/edit/", data)

    assert response.status_code == 302, response.context["form"].errors
    assert Registration.objects.get(user__username="cem").status == Status.OFFERED


def test_offer_link_from_the_mail_accepts_the_seat_without_login(
    client, full_event, django_capture_on_commit_callbacks
):
    import re

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(
            registration=Registration.objects.get(user__username="anna")
        )
    link = re.search(
        r"http://testserver(/\S+/platz-annehmen/\S+/)", mail.outbox[0].body
    )

    shown = client.get(link.group(1))
    with django_capture_on_commit_callbacks(execute=True):
        accepted = client.post(link.group(1))

    assert shown.status_code == 200
    assert accepted.status_code == 200
    assert Registration.objects.get(user__username="cem").status == Status.CONFIRMED
    assert mail.outbox[-1].attachments[0][0].endswith(".ics")


def test_offered_member_accepts_on_the_page(client, full_event, members):
    registration_cancel(registration=Registration.objects.get(user=members[0]))
    cem = Registration.objects.get(user=members[2])
    client.force_login(members[2])

    page = client.get(full_event.url).content.decode()
    client.post(f"/mitmachen/anmeldung/meine/{cem.pk}/platz-annehmen/")

    assert "Ein Platz ist für dich frei." in page
    cem.refresh_from_db()
    assert cem.status == Status.CONFIRMED


def test_reused_cancel_link_gets_a_clear_410_page(client, full_event):
    from registrations.services import registration_link

    anna = Registration.objects.get(user__username="anna")
    link = registration_link(registration=anna, purpose="cancel")
    client.post(link)

    response = client.get(link)

    assert response.status_code == 410
    assert "Dieser Link wurde bereits verwendet." in response.content.decode()


def test_page_shows_free_seats(client, event_index, members):
    event = registrable_event(event_index, capacity=5)
    registration_create(page=event, user=members[0])

    html = client.get(event.url).content.decode()

    assert "4 von 5" in html
