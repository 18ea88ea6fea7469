import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from django.utils.translation import gettext

from core.csv_import import CSVFileError, read_csv, run_import

from .csv_import_urls import save, validate


def upload(text, encoding="utf-8"):
    return SimpleUploadedFile("import.csv", text.encode(encoding), "text/csv")


def test_reads_semicolon_separated_excel_file_with_umlauts():
    rows = read_csv(upload("Name;Notiz\nGrünau;ä\n", "cp1252"), required=["name"])

    assert rows == [(2, {"name": "Grünau", "notiz": "ä"})]


def test_skips_blank_lines_but_keeps_spreadsheet_line_numbers():
    rows = read_csv(upload("name\nA\n\nB\n"), required=["name"])

    assert [line for line, _ in rows] == [2, 4]


@pytest.mark.parametrize(
    "text, message",
    [
        ("", "empty"),
        ("name\n", "no rows"),
        ("titel\nA\n", "Missing columns: name"),
    ],
)
def test_unreadable_files_are_refused_with_a_reason(text, message):
    with translation.override("en"), pytest.raises(CSVFileError, match=message):
        read_csv(upload(text), required=["name"])


def test_too_many_rows_are_refused():
    with pytest.raises(CSVFileError):
        read_csv(upload("name\n" + "a\n" * 11), required=["name"], max_rows=10)


@pytest.mark.django_db
def test_one_bad_row_imports_nothing_and_names_the_row():
    rows = read_csv(upload("name;notiz\nA;x\n\nB;y\n;z\n"), required=["name"])

    report = run_import(rows=rows, validate=validate, save=save, dry_run=False)

    assert not report.ok
    assert [(error.line, error.column) for error in report.errors] == [(5, "name")]
    assert not Group.objects.filter(name__in=["A", "B"]).exists()


@pytest.mark.django_db
def test_dry_run_counts_but_saves_nothing():
    rows = read_csv(upload("name\nA\nB\n"), required=["name"])

    report = run_import(rows=rows, validate=validate, save=save, dry_run=True)

    assert report.ok and report.created == 2 and not report.applied
    assert not Group.objects.filter(name__in=["A", "B"]).exists()


@pytest.mark.django_db
def test_real_run_saves_every_row():
    rows = read_csv(upload("name\nA\nB\n"), required=["name"])

    report = run_import(rows=rows, validate=validate, save=save, dry_run=False)

    assert report.applied and report.created == 2
    assert Group.objects.filter(name__in=["A", "B"]).count() == 2


def in_german(msgid):
    with translation.override("de"):
        return gettext(msgid)


@pytest.fixture
def import_page(client, superuser, settings):
    settings.ROOT_URLCONF = "tests.core.csv_import_urls"
    client.force_login(superuser)

    def post(text, **data):
        return client.post("/test-import/", {"file": upload(text), **data})

    return post


def test_upload_page_shows_the_form_and_the_columns(client, superuser, settings):
    settings.ROOT_URLCONF = "tests.core.csv_import_urls"
    client.force_login(superuser)

    response = client.get("/test-import/")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Gruppen importieren" in html
    assert "<dd>Name der Gruppe</dd>" in html
    assert 'type="file"' in html


def test_upload_dry_run_reports_the_counts_and_saves_nothing(import_page):
    response = import_page("name\nA\nB\n", dry_run="on")

    html = response.content.decode()
    assert response.status_code == 200
    assert in_german("Dry run: the file is valid, nothing was saved.") in html
    assert not Group.objects.filter(name__in=["A", "B"]).exists()


def test_upload_with_bad_rows_answers_400_naming_each_line(import_page):
    response = import_page("name;notiz\nA;x\n;y\nB;z\n;w\n")

    html = response.content.decode()
    assert response.status_code == 400
    assert "<td>3</td><td>name</td><td>Name fehlt.</td>" in html
    assert "<td>5</td><td>name</td><td>Name fehlt.</td>" in html
    assert not Group.objects.filter(name__in=["A", "B"]).exists()


def test_unreadable_upload_answers_400_with_the_reason(import_page):
    response = import_page("titel\nA\n")

    html = response.content.decode()
    assert response.status_code == 400
    assert in_german("Nothing was imported.") in html
    assert (
        in_german("Missing columns: %(columns)s. Expected: %(expected)s.")
        % {"columns": "name", "expected": "name, notiz"}
        in html
    )


def test_upload_without_a_file_answers_400(client, superuser, settings):
    settings.ROOT_URLCONF = "tests.core.csv_import_urls"
    client.force_login(superuser)

    response = client.post("/test-import/", {})

    assert response.status_code == 400


def test_successful_upload_says_imported_and_saves_every_row(import_page):
    response = import_page("name\nA\nB\n")

    html = response.content.decode()
    assert response.status_code == 200
    assert in_german("Imported.") in html
    assert (
        in_german(
            "%(total)s rows: %(created)s new, %(updated)s updated, "
            "%(unchanged)s unchanged."
        )
        % {"total": 2, "created": 2, "updated": 0, "unchanged": 0}
        in html
    )
    assert Group.objects.filter(name__in=["A", "B"]).count() == 2
