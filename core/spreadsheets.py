"""CSV exports opened in spreadsheets: text that would run as a formula is defused.

A cell starting with ``=``, ``+``, ``-``, ``@`` (or their full-width forms,
which some spreadsheets read the same), a tab or a carriage return is a
formula to Excel and LibreOffice (``=cmd|' /C calc'!A0`` starts a program).
Such text gets a leading ``'``, which spreadsheets show as plain text. Bidi
controls are dropped first: they would hide a formula's start and make a name
read as something else. Numbers stay numbers. Every export writes its file
through ``csv_response``.
"""

import csv

from django.http import HttpResponse
from django.utils.http import content_disposition_header

from .fields import without_bidi_controls

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def spreadsheet_safe(value):
    if not isinstance(value, str):
        return value
    value = without_bidi_controls(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_row(values) -> list:
    return [spreadsheet_safe(value) for value in values]


def csv_response(filename: str, header, rows) -> HttpResponse:
    """The one way an export leaves the site: a CSV file for spreadsheets.

    UTF-8 with a BOM and ``;`` between cells, so German Excel and LibreOffice
    open it as it is; every cell of ``header`` and ``rows`` through
    ``spreadsheet_safe``. Written at once, not streamed: exports are a page's
    registrations or a survey's answers, and the caller's audit record and
    queries stay inside its view.
    """
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(spreadsheet_row(header))
    writer.writerows(spreadsheet_row(row) for row in rows)
    return response
