import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from home.csv_import import CSVFileError, read_csv, run_import


def upload(text, encoding="utf-8"):
    return SimpleUploadedFile("import.csv", text.encode(encoding), "text/csv")


def validate(line, row):
    if not row["name"]:
        raise ValidationError({"name": "Name fehlt."})
    return row["name"]


def save(name):
    _, created = Group.objects.get_or_create(name=name)
    return "created" if created else "unchanged"


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
