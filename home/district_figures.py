"""The district comparison: figures per district and year, inner vs outer city.

Reads for :class:`home.models.DistrictDataPage` (tables, charts, the CSV
download) from its figure rows; the CSV import is ``home.district_data``.
Aggregates of the district associations only.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.charts import bar_chart
from core.spreadsheets import csv_response

CSV_COLUMNS = [
    "district",
    "year",
    "members",
    "inhabitants",
    "election_result",
    "events_held",
    "new_members",
]

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


class Area(models.TextChoices):
    """Where a district lies (``DistrictPage.Area``), as the comparison groups them."""

    INNER = "inner", gettext_lazy("Inner city")
    OUTER = "outer", gettext_lazy("Outer district")


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
            for area in (Area.INNER, Area.OUTER)
        }
    return comparison


def comparison_charts(rows):
    """One chart per figure: inner city and outer districts, a series per year."""
    comparison = inner_outer_comparison(rows)
    years = list(comparison)
    labels = [
        (Area.INNER, _("Inner city")),
        (Area.OUTER, _("Outer districts")),
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


def figures_csv_response(page, rows):
    """The page's figures (``rows``) as CSV, in the columns the import reads."""
    return csv_response(
        f"{page.slug}-daten.csv",
        [*CSV_COLUMNS, "area", "members_per_1000"],
        (
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
            for row in rows
        ),
    )


def _blank(value):
    return "" if value is None else value
