"""``core.spreadsheets.csv_response``: the one path every CSV export takes."""

import csv
import io

import pytest

from core.spreadsheets import csv_response


def cells(response):
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_utf8_with_a_bom_and_semicolons_as_an_attachment():
    response = csv_response("liste.csv", ["Name", "Ort"], [["Jürgen", "Köln"]])

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    assert response.content.startswith(b"\xef\xbb\xbf")
    assert response.content.decode("utf-8").splitlines()[1] == "Jürgen;Köln"
    assert cells(response) == [["Name", "Ort"], ["Jürgen", "Köln"]]


def test_a_cell_with_the_delimiter_or_a_line_break_stays_one_cell():
    response = csv_response("x.csv", ["a"], [["eins; zwei", "drei\nvier"]])

    assert cells(response)[1] == ["eins; zwei", "drei\nvier"]


@pytest.mark.parametrize(
    "value",
    [
        "=cmd|' /C calc'!A0",
        "+1+1",
        "-2+3",
        "@SUM(A1)",
        "\t=1",
        "\r=1",
        "＝1+1",
    ],
)
def test_formulas_in_rows_and_header_are_defused(value):
    response = csv_response("x.csv", [value], [[value, "harmlos"]])

    header, row = cells(response)
    assert header == ["'" + value]
    assert row == ["'" + value, "harmlos"]


def test_numbers_stay_numbers_and_rows_may_be_a_generator():
    rows = ([n, -n, n / 2] for n in (1, 2))

    assert cells(csv_response("x.csv", ["n", "minus", "half"], rows))[1:] == [
        ["1", "-1", "0.5"],
        ["2", "-2", "1.0"],
    ]


def test_the_filename_cannot_break_out_of_its_header():
    response = csv_response('a"; filename="evil.exe', [], [])

    assert response["Content-Disposition"] == (
        'attachment; filename="a\\"; filename=\\"evil.exe"'
    )


def test_a_filename_beyond_ascii_is_encoded_for_browsers():
    response = csv_response("anmeldungen-straßenfest.csv", [], [])

    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''anmeldungen-stra%C3%9Fenfest.csv"
    )
