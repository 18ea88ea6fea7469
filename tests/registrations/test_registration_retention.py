"""Registrations lose their personal data 30 days after the event; unconfirmed
guest registrations are deleted after 7 days."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from dialog.factories import WorkingGroupPageFactory
from registrations import services
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from registrations.services import registrations_apply_retention
from tests.registrations.registration_helpers import registrable_event

pytestmark = pytest.mark.django_db

DETAILS = dict(
    name="Hanna Beispiel",
    email="hanna@example.org",
    organisation="Mieterinitiative Kotti",
    children_ages=[1, 4],
    needs_step_free=True,
    accessibility_other="Gebärdensprache",
)


def days_ago(days):
    return timezone.now() - datetime.timedelta(days=days)


def event_ended(event_index, days):
    end = days_ago(days)
    return registrable_event(
        event_index, start=end - datetime.timedelta(hours=2), end=end
    )


def test_personal_data_is_removed_31_days_after_the_event(event_index):
    event = event_ended(event_index, 31)
    registration = RegistrationFactory(page=event, online=True, **DETAILS)

    registrations_apply_retention()

    registration.refresh_from_db()
    assert registration.anonymised_at is not None
    assert (registration.name, registration.email, registration.organisation) == (
        "",
        "",
        "",
    )
    assert registration.children_ages == []
    assert not registration.needs_step_free
    assert registration.accessibility_other == ""
    # What seat statistics need stays.
    assert (registration.status, registration.online) == ("confirmed", True)
    assert Registration.objects.filter(page=event).holding_seats().count() == 1


def test_personal_data_is_kept_29_days_after_the_event(event_index):
    event = event_ended(event_index, 29)
    registration = RegistrationFactory(page=event, **DETAILS)

    registrations_apply_retention()

    registration.refresh_from_db()
    assert registration.anonymised_at is None
    assert registration.email == "hanna@example.org"


def test_the_end_counts_not_the_start(event_index):
    """A long event that started 31 days ago but ended 20 days ago is kept."""
    event = registrable_event(event_index, start=days_ago(31), end=days_ago(20))
    RegistrationFactory(page=event, **DETAILS)

    registrations_apply_retention()

    assert Registration.objects.get(page=event).anonymised_at is None


def test_account_registrations_lose_the_account(event_index, member_user):
    event = event_ended(event_index, 31)
    RegistrationFactory(page=event, user=member_user, name="", email="")

    registrations_apply_retention()

    registration = Registration.objects.get(page=event)
    assert registration.user is None
    assert registration.person_name == "Anonymisiert"


def test_unconfirmed_guests_are_deleted_after_7_days(event_index):
    event = registrable_event(event_index, registration_mode="open")
    RegistrationFactory(
        page=event,
        email="acht@example.org",
        status="expired",
        confirmed_at=None,
        created_at=days_ago(8),
    )
    RegistrationFactory(
        page=event,
        email="sechs@example.org",
        status="expired",
        confirmed_at=None,
        created_at=days_ago(6),
    )
    RegistrationFactory(
        page=event,
        email="noch-offen@example.org",
        status="unconfirmed",
        confirmed_at=None,
        created_at=days_ago(8),
    )

    counts = registrations_apply_retention()

    assert list(Registration.objects.values_list("email", flat=True)) == [
        "sechs@example.org"
    ]
    assert counts["guests_unconfirmed_deleted"] == 2


def test_guests_who_confirmed_are_not_deleted_after_7_days(event_index):
    event = registrable_event(event_index, registration_mode="open")
    RegistrationFactory(page=event, created_at=days_ago(8))
    RegistrationFactory(
        page=event,
        status="expired",
        confirmed_at=None,
        queued_at=days_ago(8),
        created_at=days_ago(8),
    )

    registrations_apply_retention()

    assert Registration.objects.count() == 2


def test_working_groups_keep_active_members_but_not_those_who_left(home_page):
    group = WorkingGroupPageFactory(parent=home_page, registration_mode="open")
    RegistrationFactory(page=group, name="Aktiv", created_at=days_ago(120))
    RegistrationFactory(
        page=group,
        name="Gerade gegangen",
        status="cancelled",
        cancelled_at=days_ago(29),
    )
    RegistrationFactory(
        page=group, name="Lange weg", status="cancelled", cancelled_at=days_ago(31)
    )

    registrations_apply_retention()

    assert sorted(Registration.objects.values_list("name", flat=True)) == [
        "",
        "Aktiv",
        "Gerade gegangen",
    ]


def test_a_second_run_changes_nothing(event_index):
    event = event_ended(event_index, 31)
    RegistrationFactory(page=event, **DETAILS)
    first = registrations_apply_retention()
    stamped = Registration.objects.get().anonymised_at

    second = registrations_apply_retention()

    assert first["registrations_anonymised"] == 1
    assert second == {"registrations_anonymised": 0, "guests_unconfirmed_deleted": 0}
    assert Registration.objects.get().anonymised_at == stamped


def test_a_run_killed_half_way_is_finished_by_the_next(event_index, monkeypatch):
    event = event_ended(event_index, 31)
    for _ in range(3):
        RegistrationFactory(page=event)
    monkeypatch.setattr(services, "BATCH", 1)
    calls = []

    class Killed(Exception):
        pass

    real_update = type(Registration.objects.all()).update

    def dying_update(queryset, **kwargs):
        if "anonymised_at" in kwargs:
            calls.append(1)
            if len(calls) == 2:
                raise Killed
        return real_update(queryset, **kwargs)

    monkeypatch.setattr(type(Registration.objects.all()), "update", dying_update)
    with pytest.raises(Killed):
        registrations_apply_retention()
    assert Registration.objects.filter(anonymised_at__isnull=False).count() == 1

    monkeypatch.setattr(type(Registration.objects.all()), "update", real_update)
    counts = registrations_apply_retention()

    assert counts["registrations_anonymised"] == 2
    assert not Registration.objects.filter(anonymised_at__isnull=True).exists()


def test_purge_registrations_command_reports_its_work(event_index, capsys):
    RegistrationFactory(page=event_ended(event_index, 31))

    call_command("purge_registrations")

    assert "1 registration(s) anonymised" in capsys.readouterr().out


def test_seat_count_of_an_anonymised_event_still_shows(event_index):
    event = event_ended(event_index, 40)
    RegistrationFactory(page=event)
    RegistrationFactory(page=event)

    registrations_apply_retention()

    assert Registration.objects.filter(page=event).holding_seats().count() == 2
