"""Editors import agreement items from CSV: validated, all or nothing, dry run."""

import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tracker.models import AgreementChapter, AgreementItem, ItemStatus, StatusUpdate

HEADER = (
    "chapter;chapter_title;number;title;text;topics;department;status;progress;"
    "date;note;source\n"
)
GOOD = (
    HEADER + "1;Wohnen;1;Mietendeckel;Die Mieten steigen "
    "nicht.;mieten-wohnen;SenStadt;in_progress;40;2026-11-01;Entwurf;"
    "https://www.berlin.de/a\n"
    + "1;;2;Sozialwohnungen;20.000 neue Wohnungen.;Mieten & "
    "Wohnen;SenStadt;implemented;100;2026-11-02;;\n"
    + "2;Mobilität;1;Tram Mahlsdorf;Die Tram fährt bis "
    "Mahlsdorf.;verkehr;SenMVKU;stalled;10;;;\n"
)


def upload(text, name="punkte.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")


@pytest.fixture
def editor(make_user):
    user = make_user("redaktion", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_agreementitem"),
        Permission.objects.get(codename="coordinate_all_districts"),
    )
    return user


@pytest.fixture
def url():
    return reverse("tracker_item_import")


def post(client, url, agreement, text, *, dry_run):
    data = {"agreement": agreement.pk, "file": upload(text)}
    if dry_run:
        data["dry_run"] = "on"
    return client.post(url, data)


def test_import_creates_chapters_items_and_their_history(
    client, editor, url, agreement, housing, transport
):
    client.force_login(editor)

    response = post(client, url, agreement, GOOD, dry_run=False)

    assert response.status_code == 200
    assert "3" in response.content.decode()
    assert AgreementChapter.objects.filter(agreement=agreement).count() == 2
    tram = AgreementItem.objects.get(chapter__number=2, number=1)
    assert tram.status == ItemStatus.STALLED and tram.progress == 10
    assert list(tram.topics.all()) == [transport]
    rent = AgreementItem.objects.get(chapter__number=1, number=1)
    assert rent.status_updates.get().source_url == "https://www.berlin.de/a"
    assert rent.status_updates.get().created_by == editor


def test_dry_run_saves_nothing(client, editor, url, agreement, housing, transport):
    client.force_login(editor)

    response = post(client, url, agreement, GOOD, dry_run=True)

    assert response.status_code == 200
    assert not AgreementItem.objects.exists()
    assert not AgreementChapter.objects.exists()


def test_bad_rows_are_named_and_nothing_is_imported(
    client, editor, url, agreement, housing, transport
):
    client.force_login(editor)
    text = (
        GOOD
        + "3;;1;Ohne Kapiteltitel;Text.;;;in_progress;20;;;\n"
        + "2;;2;Zu viel;Text.;verkehr;;implemented;150;;;\n"
        + "2;;3;Unbekannt;Text.;gibtsnicht;;vergessen;10;2026-02-30;;keine-url\n"
    )

    response = post(client, url, agreement, text, dry_run=False)

    html = response.content.decode()
    assert response.status_code == 400
    assert "<td>5</td><td>chapter_title</td>" in html
    assert "<td>6</td><td>progress</td>" in html
    for column in ("topics", "status", "date", "source"):
        assert f"<td>7</td><td>{column}</td>" in html
    assert not AgreementItem.objects.exists()
    assert not StatusUpdate.objects.exists()


def test_the_same_item_twice_in_one_file_is_an_error(
    client, editor, url, agreement, housing, transport
):
    client.force_login(editor)

    response = post(
        client,
        url,
        agreement,
        GOOD + "1;;1;Doppelt;Text.;;;in_progress;5;;;\n",
        dry_run=False,
    )

    assert response.status_code == 400
    assert (
        "line 2" in response.content.decode() or "Zeile 2" in response.content.decode()
    )
    assert not AgreementItem.objects.exists()


def test_importing_again_records_only_real_status_changes(
    client, editor, url, agreement, housing, transport
):
    client.force_login(editor)
    post(client, url, agreement, GOOD, dry_run=False)
    post(client, url, agreement, GOOD, dry_run=False)
    changed = GOOD.replace("stalled;10;;;", "in_progress;25;;Weiter geht's;")

    post(client, url, agreement, changed, dry_run=False)
    post(client, url, agreement, changed, dry_run=False)

    tram = AgreementItem.objects.get(chapter__number=2, number=1)
    assert [u.progress for u in tram.status_updates.all()] == [25, 10]
    rent = AgreementItem.objects.get(chapter__number=1, number=1)
    assert rent.status_updates.count() == 1


def test_file_without_required_columns_is_refused(client, editor, url, agreement):
    client.force_login(editor)

    response = post(client, url, agreement, "chapter;title\n1;x\n", dry_run=False)

    assert response.status_code == 400
    assert "progress" in response.content.decode()


def test_import_needs_the_permission(client, make_user, url):
    user = make_user("presse", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(url)

    assert response.status_code == 403


def test_a_district_group_with_the_item_permission_may_not_import(
    client, make_user, url
):
    """The agreement is statewide: the model permission alone is not enough."""
    user = make_user("bezirk", is_staff=True)
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="add_agreementitem"),
    )
    client.force_login(user)

    assert client.get(url).status_code == 403
