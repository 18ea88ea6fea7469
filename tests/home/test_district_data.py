"""The district comparison page: charts with tables, inner vs outer sums, CSV."""

import csv
import io
import re
from decimal import Decimal

import pytest

from home.district_figures import group_figures, inner_outer_comparison
from home.factories import (
    DistrictDataPageFactory,
    DistrictFigureFactory,
    DistrictPageFactory,
)


@pytest.fixture
def data_page(district_index, district, other_district):
    pankow = DistrictPageFactory(
        parent=district_index, title="Pankow", slug="pankow", area="inner"
    )
    page = DistrictDataPageFactory(parent=district_index)
    figures = [
        # district, year, members, inhabitants, result, events, new members
        (district, 2024, 1200, 290_000, "24.0", 60, 80),
        (pankow, 2024, 900, 410_000, "15.5", 40, 50),
        (other_district, 2024, 400, 270_000, "12.0", 20, 10),
        (district, 2025, 1300, 290_000, "25.0", 70, 90),
        (other_district, 2025, 450, 270_000, None, 25, None),
    ]
    for owner, year, members, inhabitants, result, events, new in figures:
        DistrictFigureFactory(
            page=page,
            district=owner,
            year=year,
            members=members,
            inhabitants=inhabitants,
            election_result=result,
            events_held=events,
            new_members=new,
        )
    return page


def test_inner_and_outer_districts_are_summed_and_averaged(data_page):
    rows = list(data_page.figures.select_related("district"))

    comparison = inner_outer_comparison(rows)

    inner, outer = comparison[2024]["inner"], comparison[2024]["outer"]
    assert inner.districts == 2
    assert inner.members == 2100
    assert inner.inhabitants == 700_000
    assert inner.members_per_1000 == pytest.approx(3.0)
    assert inner.election_result == pytest.approx(19.75)
    assert inner.events_held == 100
    assert inner.new_members == 130
    assert outer.members == 400
    assert outer.election_result == pytest.approx(12.0)
    assert comparison[2025]["outer"].election_result is None
    assert comparison[2025]["outer"].new_members is None
    assert comparison[2025]["inner"].members == 1300


def test_ratio_uses_only_districts_whose_inhabitants_are_known(data_page):
    rows = list(data_page.figures.select_related("district").filter(year=2024))
    rows[0].inhabitants = None

    figures = group_figures(rows)

    known = [r for r in rows if r.inhabitants]
    expected = sum(r.members for r in known) * 1000 / sum(r.inhabitants for r in known)
    assert figures.members_per_1000 == pytest.approx(expected)


def test_page_shows_charts_whose_tables_hold_the_figures(client, data_page):
    response = client.get(data_page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<svg") >= 10
    members = _table(html, "Mitglieder")
    assert members["Friedrichshain-Kreuzberg"] == ["1.200", "1.300"]
    assert members["Pankow"] == ["900", "–"]
    comparison = _table(html, "Mitglieder", occurrence=0)
    assert comparison["Innenstadt"] == ["2.100", "1.300"]
    assert comparison["Außenbezirke"] == ["400", "450"]


def _table(html, caption, occurrence=1):
    """``{row: [cells]}`` of the ``occurrence``-th chart table named ``caption``."""
    marker = f'<caption class="visually-hidden">{caption}</caption>'
    starts = [m.start() for m in re.finditer(re.escape(marker), html)]
    start = starts[occurrence]
    table = html[start : html.index("</table>", start)]
    rows = {}
    for label, cells in re.findall(
        r'<th scope="row">([^<]*)</th>(.*?)</tr>', table, re.S
    ):
        rows[label] = re.findall(r"<td>([^<]*)</td>", cells)
    return rows


def test_csv_download_holds_every_row_with_area_and_ratio(client, data_page):
    response = client.get(data_page.url + "daten/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "bezirke-im-vergleich-daten.csv" in response["Content-Disposition"]
    rows = list(
        csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";")
    )
    assert rows[0][:3] == ["district", "year", "members"]
    assert len(rows) == 6
    assert [
        "Friedrichshain-Kreuzberg",
        "2024",
        "1200",
        "290000",
        "24.0",
        "60",
        "80",
        "inner",
        "4.14",
    ] in rows
    assert rows[4][:7] == ["Marzahn-Hellersdorf", "2025", "450", "270000", "", "25", ""]


def test_page_without_figures_says_so(client, district_index):
    page = DistrictDataPageFactory(parent=district_index)

    response = client.get(page.url)

    assert response.status_code == 200
    assert "Noch keine Zahlen." in response.content.decode()


def test_page_can_live_under_the_home_page_or_the_district_index(page_rules):
    from home.models import DistrictDataPage, DistrictIndexPage, HomePage

    page_rules.assertAllowedParentPageTypes(
        DistrictDataPage, {HomePage, DistrictIndexPage}
    )


def test_members_per_1000_is_empty_without_inhabitants(data_page, district):
    figure = DistrictFigureFactory.build(members=10, inhabitants=None)

    assert figure.members_per_1000 is None
    assert DistrictFigureFactory.build(
        members=5, inhabitants=1000
    ).members_per_1000 == Decimal(5)
