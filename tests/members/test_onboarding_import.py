"""New members who joined offline come in from a CSV file: all rows or none."""

from django.core.files.uploadedfile import SimpleUploadedFile

from members.factories import OnboardingFactory, UserFactory, VerifiedEmailFactory
from members.models import Onboarding
from tests.members.onboarding_helpers import import_url

HEADER = "name;email;district;joined_on;phone\n"
GOOD = (
    HEADER
    + "Ada Lovelace;ada@example.org;Friedrichshain-Kreuzberg;2026-11-02;030 1234567\n"
    + "Bertha Benz;bertha@example.org;friedrichshain-kreuzberg;03.11.2026;\n"
)


def upload(client, text, *, dry_run=False):
    data = {"file": SimpleUploadedFile("neu.csv", text.encode(), "text/csv")}
    if dry_run:
        data["dry_run"] = "on"
    return client.post(import_url(), data)


def test_import_creates_records_and_sends_welcome_mails(
    client, coordinator, district, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, GOOD)

    assert response.status_code == 200
    assert "Importiert" in response.content.decode()
    records = Onboarding.objects.order_by("name")
    assert [(r.name, r.email, r.phone, r.district) for r in records] == [
        ("Ada Lovelace", "ada@example.org", "030 1234567", district),
        ("Bertha Benz", "bertha@example.org", "", district),
    ]
    assert records[1].joined_on.isoformat() == "2026-11-03"
    assert sorted(mail.to[0] for mail in mailoutbox) == [
        "ada@example.org",
        "bertha@example.org",
    ]


def test_bad_file_imports_nothing_and_names_each_bad_row(
    client, coordinator, district, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    text = (
        GOOD
        + "Carla;keine-adresse;Friedrichshain-Kreuzberg;2026-11-01;\n"
        + "Dora;dora@example.org;Atlantis;2026-11-01;\n"
        + "Emil;emil@example.org;Friedrichshain-Kreuzberg;gestern;\n"
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, text)

    html = response.content.decode()
    assert response.status_code == 400
    assert "Es wurde nichts importiert: 3 Zeilen haben Fehler." in html
    assert "<td>4</td><td>email</td>" in html
    assert "<td>5</td><td>district</td>" in html
    assert "<td>6</td><td>joined_on</td>" in html
    assert not Onboarding.objects.exists()
    assert mailoutbox == []


def test_dry_run_stores_nothing_and_sends_nothing(
    client, coordinator, district, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, GOOD, dry_run=True)

    assert response.status_code == 200
    assert "Probelauf" in response.content.decode()
    assert not Onboarding.objects.exists()
    assert mailoutbox == []


def test_a_coordinator_cannot_import_into_another_district(
    client, coordinator, district, other_district
):
    client.force_login(coordinator)

    response = upload(
        client, HEADER + "Ada;ada@example.org;Marzahn-Hellersdorf;2026-11-02;\n"
    )

    assert response.status_code == 400
    assert "Marzahn-Hellersdorf" in response.content.decode()
    assert not Onboarding.objects.exists()


def test_the_same_address_twice_in_a_file_is_a_row_error(client, coordinator, district):
    client.force_login(coordinator)
    text = GOOD + "Ada again;ADA@example.org;Friedrichshain-Kreuzberg;2026-11-02;\n"

    response = upload(client, text)

    assert response.status_code == 400
    assert not Onboarding.objects.exists()


def test_importing_known_people_again_changes_nothing(
    client, coordinator, district, django_capture_on_commit_callbacks
):
    client.force_login(coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        upload(client, GOOD)

    with django_capture_on_commit_callbacks(execute=True):
        response = upload(client, GOOD)

    assert "0 neu" in response.content.decode()
    assert Onboarding.objects.count() == 2


def test_an_imported_person_with_a_confirmed_account_is_linked_at_once(
    client, coordinator, district, django_capture_on_commit_callbacks
):
    user = UserFactory(username="ada", email="ada@example.org")
    VerifiedEmailFactory(user=user)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, GOOD)

    record = Onboarding.objects.get(user=user)
    assert (record.name, record.email) == ("", "")


def test_a_member_with_a_record_is_not_imported_twice(
    client, coordinator, district, django_capture_on_commit_callbacks
):
    user = UserFactory(username="ada", email="ada@example.org")
    VerifiedEmailFactory(user=user)
    OnboardingFactory(user=user, district=district)
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        upload(client, GOOD)

    assert Onboarding.objects.count() == 2


def test_missing_column_is_a_clear_400(client, coordinator, district):
    client.force_login(coordinator)

    response = upload(client, "name;email\nAda;ada@example.org\n")

    assert response.status_code == 400
    assert "Fehlende Spalten" in response.content.decode()
    assert not Onboarding.objects.exists()


def test_people_without_the_permission_get_403(client, district_editor, district):
    client.force_login(district_editor)

    response = upload(client, GOOD)

    assert response.status_code == 403
    assert not Onboarding.objects.exists()
