"""The daily retention run: one command for cron, one task for the worker."""

import datetime

import pytest
from allauth.usersessions.models import UserSession
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.retention import retention_apply_task
from members.factories import VerifiedEmailFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration
from tests.conftest import PASSWORD
from tests.registrations.registration_helpers import registrable_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def old_registration(event_index):
    event = registrable_event(
        event_index,
        start=timezone.now() - datetime.timedelta(days=40),
        end=timezone.now() - datetime.timedelta(days=40),
    )
    return RegistrationFactory(page=event, name="Hanna Beispiel")


def test_the_command_applies_every_rule_and_reports_counts(old_registration, capsys):
    call_command("apply_retention")

    out = capsys.readouterr().out
    assert "registrations_anonymised: 1" in out
    assert "subscribers_unconfirmed_deleted: 0" in out
    assert Registration.objects.get().name == ""


def test_the_command_can_hand_the_work_to_the_worker(old_registration, capsys):
    call_command("apply_retention", "--enqueue")

    assert "Enqueued task" in capsys.readouterr().out
    # The test settings run tasks at once (immediate backend).
    assert Registration.objects.get().anonymised_at is not None


def test_the_task_returns_what_it_did(old_registration):
    result = retention_apply_task.enqueue()

    assert result.return_value["registrations_anonymised"] == 1


def test_ended_sessions_lose_their_device_record(client, member_user, home_page):
    VerifiedEmailFactory(user=member_user)
    client.post(
        reverse("members:login"), {"login": member_user.email, "password": PASSWORD}
    )
    current = UserSession.objects.get(user=member_user)
    UserSession.objects.create(
        user=member_user, session_key="abgelaufen", ip="192.0.2.1", user_agent="Alt"
    )
    Session.objects.create(
        session_key="vorbei",
        session_data="",
        expire_date=timezone.now() - datetime.timedelta(seconds=1),
    )

    call_command("apply_retention")

    assert list(UserSession.objects.all()) == [current]
    assert not Session.objects.filter(session_key="vorbei").exists()
