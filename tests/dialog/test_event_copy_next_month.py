"""Copying the monthly meeting as next month's draft, in the service and the admin."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from dialog.factories import EventPageFactory
from dialog.models import EventPage, same_weekday_next_month
from dialog.services import event_copy_to_next_month
from home.factories import paragraph

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def meeting(event_index):
    start = datetime.datetime(2026, 3, 10, 19, tzinfo=BERLIN)
    return EventPageFactory(
        parent=event_index,
        title="Neumitgliedertreffen März",
        slug="neumitgliedertreffen-2026-03",
        kind=EventPage.Kind.NEW_MEMBER_MEETING,
        start=start,
        end=start + datetime.timedelta(hours=2),
        results=[paragraph("Zwölf neue Mitglieder waren da.")],
    )


def copy_url(event):
    return f"/admin/events/{event.pk}/copy-next-month/"


def test_copy_moves_to_the_same_weekday_of_next_month(meeting):
    copy = event_copy_to_next_month(event=meeting)

    assert copy.start == same_weekday_next_month(meeting.start)
    assert copy.start.astimezone(BERLIN).date() == datetime.date(2026, 4, 14)


def test_copy_keeps_the_duration(meeting):
    copy = event_copy_to_next_month(event=meeting)

    assert copy.end - copy.start == datetime.timedelta(hours=2)


def test_copy_is_a_draft(meeting):
    copy = event_copy_to_next_month(event=meeting)

    copy.refresh_from_db()
    assert not copy.live
    assert copy.has_unpublished_changes
    assert copy.latest_revision is not None


def test_copy_keeps_venue_kind_and_parent(meeting):
    copy = event_copy_to_next_month(event=meeting)

    assert (copy.venue_id, copy.kind, copy.get_parent().pk) == (
        meeting.venue_id,
        meeting.kind,
        meeting.get_parent().pk,
    )


def test_copy_drops_the_documented_results(meeting):
    copy = event_copy_to_next_month(event=meeting)

    copy.refresh_from_db()
    assert len(copy.results) == 0
    meeting.refresh_from_db()
    assert len(meeting.results) == 1


def test_copy_gets_the_new_month_in_its_slug(meeting):
    copy = event_copy_to_next_month(event=meeting)

    assert copy.slug == "neumitgliedertreffen-2026-04"


def test_copying_twice_gives_distinct_slugs(meeting):
    first = event_copy_to_next_month(event=meeting)
    second = event_copy_to_next_month(event=meeting)

    assert first.slug != second.slug


def test_copy_does_not_touch_the_original(meeting):
    start, slug = meeting.start, meeting.slug

    event_copy_to_next_month(event=meeting)

    meeting.refresh_from_db()
    assert (meeting.start, meeting.slug, meeting.live) == (start, slug, True)


@pytest.fixture
def editor_without_calendar_rights(make_user, news_index):
    """Can use the admin and add news, but not add calendar events."""
    group = Group.objects.create(name="Pressestelle")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=news_index,
        permission=Permission.objects.get(codename="add_page"),
    )
    return make_user("presse", groups=[group])


def test_admin_copy_is_refused_without_add_permission_on_the_calendar(
    client, meeting, editor_without_calendar_rights
):
    client.force_login(editor_without_calendar_rights)

    response = client.post(copy_url(meeting))

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url == "/admin/"
    assert EventPage.objects.count() == 1


def test_admin_copy_form_is_refused_without_add_permission_on_the_calendar(
    client, meeting, editor_without_calendar_rights
):
    client.force_login(editor_without_calendar_rights)

    response = client.get(copy_url(meeting))

    assert response.status_code in (302, 403)
    assert response.status_code == 403 or response.url == "/admin/"


def test_admin_copy_is_refused_to_anonymous_visitors(client, meeting):
    response = client.post(copy_url(meeting))

    assert response.status_code == 302
    assert EventPage.objects.count() == 1


def test_admin_copy_form_shows_the_next_date(client, meeting, superuser):
    client.force_login(superuser)

    response = client.get(copy_url(meeting))

    assert response.status_code == 200
    assert "14. April 2026" in response.content.decode()


def test_admin_copy_creates_a_draft_and_opens_its_editor(client, meeting, superuser):
    client.force_login(superuser)

    response = client.post(copy_url(meeting))

    copy = EventPage.objects.exclude(pk=meeting.pk).get()
    assert response.status_code == 302
    assert response.url == f"/admin/pages/{copy.pk}/edit/"
    assert not copy.live


def test_admin_copy_of_an_unknown_event_is_404(client, superuser, home_page):
    client.force_login(superuser)

    response = client.post("/admin/events/999999/copy-next-month/")

    assert response.status_code == 404
