"""One table of retention periods (``core.retention.RETENTION_PERIODS``): the
consent texts and the privacy page show its numbers, and the daily job deletes
exactly at them. Every test also runs with changed numbers, so nothing can
keep a number of its own."""

import dataclasses
import datetime
import re

import polib
import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import F
from django.utils import timezone
from wagtail.models import Site

from core.retention import RETENTION_PERIODS, retention_apply, retention_days
from dialog.factories import WorkingGroupPageFactory
from home.factories import StandardPageFactory
from home.models import SiteSettings
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from subscriptions.factories import SubscriberFactory
from subscriptions.models import Subscriber
from tests.registrations.registration_helpers import register_url, registrable_event

pytestmark = pytest.mark.django_db

CHANGED = {
    "event_registrations": 23,
    "registrations_ended": 17,
    "unconfirmed_guest_registrations": 5,
    "unconfirmed_subscriptions": 4,
}


@pytest.fixture(params=["as set", "changed"])
def periods(request, monkeypatch):
    """The table as it is, and with other numbers."""
    if request.param == "changed":
        for kind, days in CHANGED.items():
            changed = dataclasses.replace(RETENTION_PERIODS[kind], days=days)
            monkeypatch.setitem(RETENTION_PERIODS, kind, changed)
    return {kind: retention_days(kind) for kind in RETENTION_PERIODS}


def ago(days, hours=0):
    return timezone.now() - datetime.timedelta(days=days, hours=hours)


# -- what people are told ------------------------------------------------------


def test_the_event_consent_shows_the_tables_number(client, event_index, periods):
    event = registrable_event(event_index, registration_mode="open")

    html = client.get(register_url(event)).content.decode()

    days = periods["event_registrations"]
    assert f"meine Angaben {days} Tage nach ihrem Ende entfernt werden" in html
    assert "drei Monate" not in html


def test_the_working_group_consent_shows_the_tables_number(client, home_page, periods):
    group = WorkingGroupPageFactory(parent=home_page, registration_mode="open")

    html = client.get(register_url(group)).content.decode()

    days = periods["registrations_ended"]
    assert f"{days} Tage nach meinem Austritt entfernt werden" in html
    assert "Veranstaltung" not in html.split('name="consent"')[1][:400]


def test_the_privacy_page_lists_every_period_of_the_table(client, home_page, periods):
    page = StandardPageFactory(parent=home_page, slug="datenschutz", title="Daten")
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.privacy_page = page
    site_settings.save()

    html = client.get("/datenschutz/").content.decode()

    rows = re.findall(r'<th scope="row">([^<]*)</th>\s*<td>([^<]*)</td>', html)
    assert len(rows) == len(RETENTION_PERIODS)
    texts = " ".join(rule for _what, rule in rows)
    assert f"{periods['event_registrations']} Tage nach der Veranstaltung" in texts
    assert f"nach {periods['unconfirmed_guest_registrations']} Tagen" in texts
    assert f"{periods['sessions']} Tage nach der Anmeldung" in texts


def test_other_pages_have_no_retention_table(client, home_page):
    StandardPageFactory(parent=home_page, slug="impressum", title="Impressum")

    assert "Speicherdauer" not in client.get("/impressum/").content.decode()


@pytest.mark.parametrize("language", ["de", "en", "tr", "ar"])
def test_no_translated_text_names_a_period_of_its_own(language):
    """A deletion period in a text comes from the table (``%(days)s``)."""
    catalogue = polib.pofile(
        f"{settings.BASE_DIR}/locale/{language}/LC_MESSAGES/django.po"
    )
    deletion = re.compile(r"delet|remov|retention|kept", re.I)
    fixed = re.compile(r"\b(\d+|three|seven|thirty)\s+(days|months|weeks)\b", re.I)
    offenders = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete
        and deletion.search(entry.msgid)
        and fixed.search(entry.msgid)
    ]
    assert offenders == []


# -- what the daily job does: day N-1 kept, day N+1 gone -------------------------


def test_event_registrations_are_anonymised_after_the_period(event_index, periods):
    days = periods["event_registrations"]
    for name, ended in (("Kept", days - 1), ("Gone", days + 1)):
        event = registrable_event(
            event_index, start=ago(ended, hours=2), end=ago(ended)
        )
        RegistrationFactory(page=event, name=name, email=f"{name}@example.org")

    retention_apply()

    assert sorted(Registration.objects.values_list("name", flat=True)) == ["", "Kept"]


def test_left_working_group_members_are_anonymised_after_the_period(home_page, periods):
    days = periods["registrations_ended"]
    group = WorkingGroupPageFactory(parent=home_page, registration_mode="open")
    RegistrationFactory(page=group, name="Active", created_at=ago(days * 4))
    for name, left in (("Kept", days - 1), ("Gone", days + 1)):
        RegistrationFactory(
            page=group, name=name, status="cancelled", cancelled_at=ago(left)
        )

    retention_apply()

    assert sorted(Registration.objects.values_list("name", flat=True)) == [
        "",
        "Active",
        "Kept",
    ]


def test_unconfirmed_guests_are_deleted_after_the_period(event_index, periods):
    days = periods["unconfirmed_guest_registrations"]
    event = registrable_event(event_index, registration_mode="open")
    for email, created in (
        ("kept@example.org", days - 1),
        ("gone@example.org", days + 1),
    ):
        RegistrationFactory(
            page=event,
            email=email,
            status="expired",
            confirmed_at=None,
            created_at=ago(created),
        )

    retention_apply()

    assert list(Registration.objects.values_list("email", flat=True)) == [
        "kept@example.org"
    ]


def test_unconfirmed_subscribers_are_deleted_after_the_period(periods):
    days = periods["unconfirmed_subscriptions"]
    for email, created in (
        ("kept@example.org", days - 1),
        ("gone@example.org", days + 1),
    ):
        subscriber = SubscriberFactory(email=email, confirmed_at=None)
        Subscriber.objects.filter(pk=subscriber.pk).update(created_at=ago(created))

    retention_apply()

    assert list(Subscriber.objects.values_list("email", flat=True)) == [
        "kept@example.org"
    ]


def test_sessions_are_deleted_after_the_period(client, member_user, periods):
    days = periods["sessions"]
    for key, logged_in in (("kept", days - 1), ("gone", days + 1)):
        client.force_login(member_user)
        # As if the login had been ``logged_in`` days ago.
        Session.objects.filter(session_key=client.session.session_key).update(
            session_key=key,
            expire_date=F("expire_date") - datetime.timedelta(days=logged_in),
        )

    retention_apply()

    assert list(Session.objects.values_list("session_key", flat=True)) == ["kept"]
