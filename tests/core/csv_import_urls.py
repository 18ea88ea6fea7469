"""The shared CSV upload view mounted on its own, for tests/core/test_csv_import.py."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import path

from core.csv_import import csv_import_view, run_import
from portal.urls import urlpatterns as portal_urlpatterns


def validate(line, row):
    if not row["name"]:
        raise ValidationError({"name": "Name fehlt."})
    return row["name"]


def save(name):
    _, created = Group.objects.get_or_create(name=name)
    return "created" if created else "unchanged"


def import_groups(*, rows, dry_run, cleaned_data):
    return run_import(rows=rows, validate=validate, save=save, dry_run=dry_run)


def group_import(request):
    return csv_import_view(
        request,
        importer=import_groups,
        required=["name"],
        optional=["notiz"],
        title="Gruppen importieren",
        back_url="/admin/groups/",
        columns=[("name", "Name der Gruppe")],
    )


urlpatterns = [path("test-import/", group_import), *portal_urlpatterns]
