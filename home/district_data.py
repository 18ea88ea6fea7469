"""The district comparison: figures per district and year, inner vs outer city.

Reads for :class:`home.models.DistrictDataPage` (tables, charts, the CSV
download) and its CSV import. Aggregates of the district associations only.
"""

import csv
import io
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .charts import bar_chart
from .csv_import import run_import
from .models import DistrictDataPage, DistrictFigure, DistrictPage

_THOUSANDS = re.compile(r"^\d{1,3}([.,]\d{3})+$")
CSV_COLUMNS = [
    "district",
    "year",
    "members",
    "inhabitants",
    "election_result",
    "events_held",
    "new_members",
]
REQUIRED_COLUMNS = ["district", "year", "members"]
OPTIONAL_COLUMNS = [c for c in CSV_COLUMNS if c not in REQUIRED_COLUMNS]

# (attribute, chart title, unit, decimals, how the groups combine it)
FIGURES = [
    ("members", gettext_lazy("Members"), "", 0, "sum"),
    (
        "members_per_1000",
        gettext_lazy("Members per 1,000 inhabitants"),
        "",
        2,
        "ratio",
    ),
    ("election_result", gettext_lazy("Election result"), "%", 1, "mean"),
    ("events_held", gettext_lazy("Events held"), "", 0, "sum"),
    ("new_members", gettext_lazy("New members welcomed"), "", 0, "sum"),
]


def figure_rows(page):
    """The page's figures with their districts, ordered by district and year."""
    return list(
        DistrictFigure.objects.filter(page=page)
        .select_related("district")
        .order_by("district__title", "year")
    )


def _years(rows):
    return sorted({row.year for row in rows})


def district_charts(rows):
    """One chart per figure: a row per district, a series per year."""
    years = _years(rows)
    by_district = {}
    for row in rows:
        by_district.setdefault(row.district.title, {})[row.year] = row
    charts = []
    for attribute, title, unit, decimals, _how in FIGURES:
        chart_rows = [
            (
                district,
                [
                    _value(by_year[year], attribute) if year in by_year else None
                    for year in years
                ],
            )
            for district, by_year in by_district.items()
        ]
        charts.append(
            bar_chart(
                title=title,
                rows=chart_rows,
                series=[str(year) for year in years],
                unit=unit,
                decimals=decimals,
                max_value=100 if unit == "%" else None,
            )
        )
    return charts


def _value(row, attribute):
    value = getattr(row, attribute)
    return float(value) if isinstance(value, Decimal) else value


@dataclass
class GroupFigures:
    """Sums and averages of one group of districts in one year."""

    districts: int
    members: int
    inhabitants: int | None
    members_per_1000: float | None
    election_result: float | None
    events_held: int | None
    new_members: int | None


def group_figures(rows):
    """Aggregate ``rows`` (one year, one group): sums, ratio of sums, mean result.

    Members per 1,000 inhabitants is the ratio of the sums over the districts
    whose inhabitants are known; the election result is the mean of the districts
    that have one. A figure nobody gave stays ``None``.
    """

    def total(attribute):
        values = [
            getattr(r, attribute) for r in rows if getattr(r, attribute) is not None
        ]
        return sum(values) if values else None

    with_inhabitants = [r for r in rows if r.inhabitants]
    ratio = None
    if with_inhabitants:
        ratio = (
            sum(r.members for r in with_inhabitants)
            * 1000
            / sum(r.inhabitants for r in with_inhabitants)
        )
    results = [float(r.election_result) for r in rows if r.election_result is not None]
    return GroupFigures(
        districts=len(rows),
        members=sum(r.members for r in rows),
        inhabitants=total("inhabitants"),
        members_per_1000=ratio,
        election_result=sum(results) / len(results) if results else None,
        events_held=total("events_held"),
        new_members=total("new_members"),
    )


def inner_outer_comparison(rows):
    """``{year: {area: GroupFigures}}`` for the inner city and the outer districts."""
    comparison = {}
    for year in _years(rows):
        in_year = [row for row in rows if row.year == year]
        comparison[year] = {
            area: group_figures([r for r in in_year if r.district.area == area])
            for area in (DistrictPage.Area.INNER, DistrictPage.Area.OUTER)
        }
    return comparison


def comparison_charts(rows):
    """One chart per figure: inner city and outer districts, a series per year."""
    comparison = inner_outer_comparison(rows)
    years = list(comparison)
    labels = [
        (DistrictPage.Area.INNER, _("Inner city")),
        (DistrictPage.Area.OUTER, _("Outer districts")),
    ]
    charts = []
    for attribute, title, unit, decimals, how in FIGURES:
        if how == "mean":
            title = _("%(figure)s (average of the districts)") % {"figure": title}
        chart_rows = [
            (label, [getattr(comparison[year][area], attribute) for year in years])
            for area, label in labels
        ]
        charts.append(
            bar_chart(
                title=title,
                rows=chart_rows if years else [],
                series=[str(year) for year in years],
                unit=unit,
                decimals=decimals,
            )
        )
    return charts


def figures_csv_response(page):
    """The page's figures as CSV, in the columns the import reads."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow([*CSV_COLUMNS, "area", "members_per_1000"])
    for row in figure_rows(page):
        writer.writerow(
            [
                row.district.title,
                row.year,
                row.members,
                _blank(row.inhabitants),
                _blank(row.election_result),
                _blank(row.events_held),
                _blank(row.new_members),
                row.district.area,
                "" if row.members_per_1000 is None else f"{row.members_per_1000:.2f}",
            ]
        )
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}-daten.csv"'
    return response


def _blank(value):
    return "" if value is None else value


class FigureImporter:
    """``validate``/``save`` for :func:`home.csv_import.run_import` into one page.

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
