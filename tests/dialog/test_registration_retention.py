"""Registrations are deleted once they are no longer needed."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from dialog.factories import RegistrationFactory, WorkingGroupPageFactory
from dialog.models.registrations import Registration
from tests.dialog.registration_helpers import registrable_event
from tests.utils import in_days

pytestmark = pytest.mark.django_db


def test_registrations_are_deleted_90_days_after_the_event(event_index, capsys):
    old = registrable_event(event_index, start=in_days(-91))
    recent = registrable_event(event_index, start=in_days(-30))
    RegistrationFactory(page=old)
    RegistrationFactory(page=recent)

    call_command("purge_registrations")

    assert list(Registration.objects.values_list("page_id", flat=True)) == [recent.pk]
    assert "1 registration(s) deleted." in capsys.readouterr().out


def test_working_group_keeps_members_but_not_those_who_left_long_ago(home_page):
    group = WorkingGroupPageFactory(parent=home_page, registration_mode="open")
    long_ago = timezone.now() - datetime.timedelta(days=120)
    RegistrationFactory(page=group, name="Aktiv", created_at=long_ago)
    RegistrationFactory(
        page=group, name="Gegangen", status="cancelled", cancelled_at=long_ago
    )

    call_command("purge_registrations")

    assert list(Registration.objects.values_list("name", flat=True)) == ["Aktiv"]
