"""Confirmation with .ics and cancel link; reminders the day before, once."""

import re

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command

from registrations.models import Registration
from registrations.services import registration_create, registrations_remind
from tests.registrations.registration_helpers import registrable_event
from tests.utils import in_days

pytestmark = pytest.mark.django_db


def test_confirmation_mail_has_an_ics_attachment_that_parses(
    event_index, member_user, django_capture_on_commit_callbacks
):
    event = registrable_event(event_index, title="Basiskonferenz Mitte")
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=event, user=member_user)

    message = mail.outbox[0]
    filename, content, mimetype = message.attachments[0]
    calendar = icalendar.Calendar.from_ical(content)
    entry = calendar.walk("VEVENT")[0]
    assert message.to == ["rosa@example.org"]
    assert filename.endswith(".ics")
    assert mimetype == "text/calendar"
    assert str(entry["summary"]) == "Basiskonferenz Mitte"
    assert entry.decoded("dtstart") == event.start


def test_confirmation_mail_cancel_link_works_without_login(
    client, event_index, member_user, django_capture_on_commit_callbacks
):
    event = registrable_event(event_index)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=event, user=member_user)
    link = re.search(r"http://testserver(/\S+/absagen/\S+/)", mail.outbox[0].body)

    response = client.post(link.group(1))

    assert response.status_code == 200
    assert Registration.objects.get().status == Registration.Status.CANCELLED


def test_waiting_person_gets_a_waitlist_notice(
    event_index,
    member_user,
    make_user,
    members_group,
    django_capture_on_commit_callbacks,
):
    event = registrable_event(event_index, capacity=1)
    registration_create(page=event, user=member_user)
    other = make_user("karl", groups=[members_group])

    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=event, user=other)

    assert mail.outbox[0].subject.startswith("Du stehst auf der Warteliste")
    assert not mail.outbox[0].attachments


def test_course_confirmation_has_one_calendar_entry_per_session(
    course_index, member_user, django_capture_on_commit_callbacks
):
    from education.factories import CoursePageFactory, CourseSessionFactory

    course = CoursePageFactory(parent=course_index, registration_mode="members")
    CourseSessionFactory(page=course)
    CourseSessionFactory(page=course, start=in_days(20), end=in_days(20, hour=21))

    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=course, user=member_user)

    content = mail.outbox[0].attachments[0][1]
    assert len(icalendar.Calendar.from_ical(content).walk("VEVENT")) == 2


def test_reminder_is_sent_the_day_before_and_only_once(
    event_index, member_user, django_capture_on_commit_callbacks
):
    event = registrable_event(event_index, start=in_days(1))
    registration_create(page=event, user=member_user)

    with django_capture_on_commit_callbacks(execute=True):
        first = registrations_remind()
    with django_capture_on_commit_callbacks(execute=True):
        second = registrations_remind()

    assert (first, second) == (1, 0)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("Erinnerung:")
    assert Registration.objects.get().reminded_at is not None


def test_no_reminder_for_events_later_than_tomorrow(event_index, member_user):
    event = registrable_event(event_index, start=in_days(3))
    registration_create(page=event, user=member_user)

    assert registrations_remind() == 0


def test_no_reminder_for_waiting_people(
    event_index, member_user, make_user, members_group
):
    event = registrable_event(event_index, start=in_days(1), capacity=1)
    registration_create(page=event, user=member_user)
    registration_create(page=event, user=make_user("karl", groups=[members_group]))

    assert registrations_remind() == 1


def test_reminder_command_reports_the_count(event_index, member_user, capsys):
    event = registrable_event(event_index, start=in_days(1))
    registration_create(page=event, user=member_user)

    call_command("send_registration_reminders")

    assert "1 reminder(s) sent." in capsys.readouterr().out


def test_mail_goes_out_in_the_language_of_registration(
    event_index, member_user, django_capture_on_commit_callbacks
):
    event = registrable_event(event_index)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=event, user=member_user, language="en")

    assert mail.outbox[0].subject.startswith("Registration confirmed")
