"""Every status change is dated and kept; the newest one is the item's status."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tracker.models import ItemStatus, StatusUpdate
from tracker.selectors import item_history
from tracker.services.agreements import status_update_create


def test_status_change_is_appended_and_earlier_ones_are_kept(rent_item, superuser):
    status_update_create(
        item=rent_item,
        date=datetime.date(2026, 11, 10),
        status=ItemStatus.IMPLEMENTED,
        progress=100,
        note="Beschlossen.",
        user=superuser,
    )

    history = list(item_history(item=rent_item))
    assert [(u.status, u.progress) for u in history] == [
        (ItemStatus.IMPLEMENTED, 100),
        (ItemStatus.IN_PROGRESS, 40),
    ]
    rent_item.refresh_from_db()
    assert rent_item.status == ItemStatus.IMPLEMENTED
    assert rent_item.progress == 100
    assert rent_item.status_date == datetime.date(2026, 11, 10)
    assert history[0].created_by == superuser


def test_history_is_ordered_by_date_then_entry(rent_item):
    for day, progress in ((5, 50), (3, 45), (5, 55)):
        status_update_create(
            item=rent_item,
            date=datetime.date(2026, 11, day),
            status=ItemStatus.IN_PROGRESS,
            progress=progress,
        )

    dates_and_progress = [
        (u.date.day, u.progress) for u in item_history(item=rent_item)
    ]

    assert dates_and_progress == [(5, 55), (5, 50), (3, 45), (1, 40)]


def test_backdated_change_does_not_replace_a_newer_status(rent_item):
    status_update_create(
        item=rent_item,
        date=datetime.date(2026, 10, 1),
        status=ItemStatus.NOT_STARTED,
        progress=0,
    )

    rent_item.refresh_from_db()
    assert (rent_item.status, rent_item.progress) == (ItemStatus.IN_PROGRESS, 40)
    assert rent_item.status_updates.count() == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"progress": 101}, "progress"),
        ({"status": "forgotten"}, "status"),
        ({"date": timezone.localdate() + datetime.timedelta(days=1)}, "date"),
    ],
)
def test_invalid_status_change_is_refused_and_nothing_stored(rent_item, changes, field):
    arguments = {
        "item": rent_item,
        "date": timezone.localdate(),
        "status": ItemStatus.IN_PROGRESS,
        "progress": 50,
        **changes,
    }

    with pytest.raises(ValidationError) as error:
        status_update_create(**arguments)

    assert field in error.value.message_dict
    assert rent_item.status_updates.count() == 1


def test_editor_adds_a_status_change_in_the_admin(client, rent_item, make_user):
    editor = make_user("redaktion", is_staff=True)
    editor.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        # The agreement is statewide data: only statewide roles change it.
        Permission.objects.get(codename="coordinate_all_districts"),
        Permission.objects.get(codename="add_statusupdate"),
        Permission.objects.get(codename="view_statusupdate"),
    )
    client.force_login(editor)

    response = client.post(
        reverse("tracker_status_update:add"),
        {
            "item": rent_item.pk,
            "date": "2026-11-15",
            "status": ItemStatus.STALLED,
            "progress": "40",
            "note": "Haushaltssperre.",
            "source_url": "https://www.berlin.de/sen/finanzen/",
        },
    )

    assert response.status_code == 302
    rent_item.refresh_from_db()
    assert rent_item.status == ItemStatus.STALLED
    assert rent_item.status_updates.first().created_by == editor


def test_status_changes_cannot_be_edited_or_deleted_in_the_admin(
    client, rent_item, superuser
):
    update = rent_item.status_updates.get()
    client.force_login(superuser)

    edit = client.post(
        reverse("tracker_status_update:edit", args=[update.pk]),
        {
            "item": rent_item.pk,
            "date": "2026-11-01",
            "status": "dropped",
            "progress": "0",
        },
    )
    delete = client.post(reverse("tracker_status_update:delete", args=[update.pk]))

    assert edit.status_code in (302, 403)
    assert delete.status_code in (302, 403)
    update.refresh_from_db()
    assert update.status == ItemStatus.IN_PROGRESS
    assert StatusUpdate.objects.filter(pk=update.pk).exists()


def test_item_page_shows_every_change_with_its_date_and_source(client, rent_item):
    status_update_create(
        item=rent_item,
        date=datetime.date(2026, 11, 12),
        status=ItemStatus.STALLED,
        progress=40,
        source_url="https://www.parlament-berlin.de/drucksache",
    )

    html = client.get(rent_item.get_url()).content.decode()

    assert html.count('class="tracker-history__entry"') == 2
    assert 'datetime="2026-11-12"' in html and 'datetime="2026-11-01"' in html
    assert "https://www.parlament-berlin.de/drucksache" in html


def test_a_new_status_shows_at_once_on_the_cached_agreement_page(
    client, settings, agreement, rent_item, django_capture_on_commit_callbacks
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    rent_item_url = rent_item.get_url()
    client.get(rent_item_url)
    assert client.get(rent_item_url).headers.get("X-Page-Cache") == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        status_update_create(
            item=rent_item,
            date=datetime.date(2026, 11, 20),
            status=ItemStatus.IMPLEMENTED,
            progress=100,
            note="Gesetz beschlossen",
        )

    response = client.get(rent_item_url)
    assert response.headers.get("X-Page-Cache") != "hit"
    assert "Gesetz beschlossen" in response.content.decode()
