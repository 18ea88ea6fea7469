"""Server-rendered SVG bar charts with the same figures as a table beside them.

Surveys, the district comparison and the coalition tracker show figures the same
way: a horizontal bar chart (no script, no third party) for sighted readers and
an ordinary table with the exact numbers for everybody else. The SVG is marked
``aria-hidden`` because the table carries the information.

Build a chart with :func:`bar_chart` and render it with
``{% load charts %}{% bar_chart chart %}``.
"""

from dataclasses import dataclass, field
from decimal import Decimal
from itertools import count

from django.utils.formats import number_format

ROW_HEIGHT = 28
BAR_HEIGHT = 18
LABEL_WIDTH = 220
PLOT_WIDTH = 360
VALUE_WIDTH = 70
TOP = 8
# Fills that pass WCAG 1.4.11 (3:1 against white) and stay apart for colour blindness.
SERIES_FILLS = ["#7a1f3d", "#1f5f7a", "#5c6b00", "#7a4a00"]

_ids = count(1)


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    fill: str
    value: float
    value_text: str

    @property
    def text_x(self):
        return round(self.x + self.width + 4, 2)

    @property
    def text_y(self):
        return round(self.y + self.height - 3, 2)


@dataclass
class Row:
    label: str
    y: float
    label_y: float
    bars: list[Bar] = field(default_factory=list)
    values_text: list[str] = field(default_factory=list)


@dataclass
class BarChart:
    title: str
    series: list[str]
    rows: list[Row]
    unit: str
    width: int
    height: int
    chart_id: str
    label_width: int = LABEL_WIDTH
    plot_width: int = PLOT_WIDTH
    legend: list[tuple[str, str]] = field(default_factory=list)

    @property
    def label_x(self):
        return self.label_width - 8

    @property
    def is_empty(self):
        return not self.rows


def _as_number(value):
    if value is None:
        return 0.0
    if isinstance(value, Decimal):
        return float(value)
    return float(value)


def format_value(value, unit="", decimals=None):
    """``value`` as the reader's language writes it, with its unit ("12,5 %")."""
    if value is None:
        return "–"
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = number_format(
        value, decimal_pos=decimals, use_l10n=True, force_grouping=True
    )
    return f"{text}\u00a0{unit}" if unit else text


def bar_chart(
    *,
    title,
    rows,
    series=None,
    unit="",
    max_value=None,
    decimals=None,
):
    """A horizontal bar chart of ``rows``.

    ``rows`` is a list of ``(label, value)`` pairs, or ``(label, [v1, v2, …])``
    when ``series`` names several series (e.g. ``["2021", "2023"]``). Values may be
    ``None`` (no figure: no bar, "–" in the table). ``max_value`` fixes the scale
    (100 for percentages); by default the largest value fills the plot.
    """
    series = list(series or [""])
    normalised = []
    for label, values in rows:
        if not isinstance(values, (list, tuple)):
            values = [values]
        if len(values) != len(series):
            raise ValueError(
                f"row {label!r} has {len(values)} values for {len(series)} series"
            )
        normalised.append((str(label), list(values)))

    numbers = [
        _as_number(v) for _, values in normalised for v in values if v is not None
    ]
    scale = _as_number(max_value) if max_value else max(numbers, default=0)
    scale = scale or 1

    per_row = len(series)
    row_height = max(ROW_HEIGHT, per_row * BAR_HEIGHT + 10)
    bar_height = (row_height - 10) / per_row
    chart_rows = []
    for index, (label, values) in enumerate(normalised):
        y = TOP + index * row_height
        row = Row(label=label, y=y, label_y=y + row_height / 2 + 4)
        for position, value in enumerate(values):
            width = (
                0 if value is None else max(0.0, _as_number(value)) / scale * PLOT_WIDTH
            )
            text = format_value(value, unit, decimals)
            row.values_text.append(text)
            row.bars.append(
                Bar(
                    x=LABEL_WIDTH,
                    y=y + 5 + position * bar_height,
                    width=round(min(width, PLOT_WIDTH), 2),
                    height=round(bar_height - 2, 2),
                    fill=SERIES_FILLS[position % len(SERIES_FILLS)],
                    value=value,
                    value_text=text,
                )
            )
        chart_rows.append(row)

    legend = []
    if len(series) > 1:
        legend = [
            (name, SERIES_FILLS[position % len(SERIES_FILLS)])
            for position, name in enumerate(series)
        ]
    return BarChart(
        title=str(title),
        series=series,
        rows=chart_rows,
        unit=unit,
        width=LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH,
        height=TOP * 2 + len(chart_rows) * row_height,
        chart_id=f"chart-{next(_ids)}",
        legend=legend,
    )
