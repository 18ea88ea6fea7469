"""The CSV import of a :class:`home.models.DistrictDataPage`'s figures."""

import re
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from core.csv_import import run_import

from .district_figures import CSV_COLUMNS
from .models import DistrictDataPage, DistrictFigure, DistrictPage

_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")
REQUIRED_COLUMNS = ["district", "year", "members"]
OPTIONAL_COLUMNS = [c for c in CSV_COLUMNS if c not in REQUIRED_COLUMNS]


class FigureImporter:
    """``validate``/``save`` for :func:`core.csv_import.run_import` into one page.

    Rows change the page's figures in memory (the inline of the latest
    revision); :meth:`run` saves a new revision once every row is good, and
    publishes it when the page is live without other unpublished changes and
    the editor may publish; otherwise the figures wait in the draft.
    """

    def __init__(self, *, page: DistrictDataPage):
        self.page = page.get_latest_revision_as_object()
        self.districts = {
            district.title.casefold(): district
            for district in DistrictPage.objects.all()
        }
        self.existing = {
            (figure.district_id, figure.year): figure
            for figure in self.page.figures.all()
        }
        self.seen = {}

    def validate(self, line, row):
        errors = {}
        district = self.districts.get(row.get("district", "").casefold())
        if district is None:
            errors["district"] = _("There is no district called “%(name)s”.") % {
                "name": row.get("district", "")
            }
        cleaned = {"district": district}
        cleaned["year"] = _integer(row, "year", errors, required=True, low=1990)
        cleaned["members"] = _integer(row, "members", errors, required=True)
        cleaned["inhabitants"] = _integer(row, "inhabitants", errors)
        cleaned["events_held"] = _integer(row, "events_held", errors)
        cleaned["new_members"] = _integer(row, "new_members", errors)
        cleaned["election_result"] = _percent(row, "election_result", errors)
        if district is not None and cleaned["year"] is not None:
            key = (district.pk, cleaned["year"])
            if key in self.seen:
                errors["year"] = _(
                    "%(district)s %(year)s is already in line %(line)d."
                ) % {
                    "district": district.title,
                    "year": cleaned["year"],
                    "line": self.seen[key],
                }
            self.seen[key] = line
        if errors:
            raise ValidationError(errors)
        return cleaned

    def save(self, cleaned):
        key = (cleaned["district"].pk, cleaned["year"])
        figure = self.existing.get(key)
        if figure is None:
            figure = DistrictFigure(page=self.page, **cleaned)
            self.existing[key] = figure
            return "created"
        changed = False
        for name, value in cleaned.items():
            if getattr(figure, name) != value:
                setattr(figure, name, value)
                changed = True
        return "updated" if changed else "unchanged"

    @transaction.atomic
    def run(self, *, rows, dry_run, user):
        report = run_import(
            rows=rows, validate=self.validate, save=self.save, dry_run=dry_run
        )
        if report.applied and (report.created or report.updated):
            self.page.figures = sorted(
                self.existing.values(), key=lambda f: (f.district.title, f.year)
            )
            # An editor's unpublished draft must not go live with the figures.
            publish = (
                self.page.live
                and not self.page.has_unpublished_changes
                and self.page.permissions_for_user(user).can_publish()
            )
            revision = self.page.save_revision(user=user, log_action=True)
            if publish:
                revision.publish(user=user)
            report.published = publish
        return report


def _integer(row, column, errors, *, required=False, low=0):
    raw = row.get(column, "").replace("\u00a0", "").replace(" ", "").strip()
    if _THOUSANDS.match(raw):
        raw = raw.replace(".", "").replace(",", "")
    if not raw:
        if required:
            errors[column] = _("This column must not be empty.")
        return None
    try:
        value = int(raw)
    except ValueError:
        errors[column] = _("“%(value)s” is not a whole number.") % {"value": raw}
        return None
    if value < low:
        errors[column] = _("The number must be at least %(low)d.") % {"low": low}
        return None
    return value


def _percent(row, column, errors):
    raw = row.get(column, "").replace("%", "").replace(",", ".").strip()
    if not raw:
        return None
    try:
        value = Decimal(raw)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        errors[column] = _("“%(value)s” is not a percentage.") % {"value": raw}
        return None
    value = value.quantize(Decimal("0.1"))
    if not Decimal(0) <= value <= Decimal(100):
        errors[column] = _("A percentage lies between 0 and 100.")
        return None
    return value
