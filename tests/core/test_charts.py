import pytest
from django.template import Context, Template
from django.utils import translation

from core.charts import PLOT_WIDTH, bar_chart


def render(chart):
    return Template("{% load charts %}{% bar_chart chart %}").render(
        Context({"chart": chart})
    )


def test_largest_value_fills_the_plot_and_others_scale():
    chart = bar_chart(title="Mitglieder", rows=[("Mitte", 400), ("Pankow", 200)])

    widths = [row.bars[0].width for row in chart.rows]

    assert widths == [PLOT_WIDTH, PLOT_WIDTH / 2]


def test_fixed_scale_for_percentages():
    chart = bar_chart(title="Ergebnis", rows=[("Mitte", 25)], unit="%", max_value=100)

    assert chart.rows[0].bars[0].width == PLOT_WIDTH / 4


def test_table_beside_the_svg_holds_every_figure_in_german_notation():
    chart = bar_chart(
        title="Wahlergebnis",
        rows=[("Lichtenberg", [18.5, 21.25]), ("Spandau", [None, 6])],
        series=["2021", "2023"],
        unit="%",
        max_value=100,
    )

    with translation.override("de"):
        html = render(chart)

    assert "<svg" in html and 'aria-hidden="true"' in html
    assert "<caption" in html and "Wahlergebnis" in html
    assert '<th scope="col">2021</th>' in html
    assert "18,5\u00a0%" in html
    assert "21,2\u00a0%" in html or "21,3\u00a0%" in html
    assert "–" in html  # a missing figure is shown, not dropped


def test_labels_are_escaped():
    html = render(bar_chart(title="T", rows=[("<script>alert(1)</script>", 1)]))

    assert "<script>alert" not in html
    assert "&lt;script&gt;" in html


def test_row_with_wrong_number_of_values_is_a_programming_error():
    with pytest.raises(ValueError):
        bar_chart(title="T", rows=[("a", [1, 2])], series=["x"])


def test_empty_chart_says_so():
    with translation.override("en"):
        assert "No figures yet." in render(bar_chart(title="T", rows=[]))
