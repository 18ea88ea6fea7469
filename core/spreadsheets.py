"""CSV exports opened in spreadsheets: text that would run as a formula is defused.

A cell starting with ``=``, ``+``, ``-``, ``@`` (or their full-width forms,
which some spreadsheets read the same), a tab or a carriage return is a
formula to Excel and LibreOffice (``=cmd|' /C calc'!A0`` starts a program).
Such text gets a leading ``'``, which spreadsheets show as plain text. Bidi
controls are dropped first: they would hide a formula's start and make a name
read as something else. Numbers stay numbers.
"""

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
