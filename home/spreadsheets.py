"""CSV exports opened in spreadsheets: text that would run as a formula is defused.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a
formula to Excel and LibreOffice (``=cmd|' /C calc'!A0`` starts a program). Such
text gets a leading ``'``, which spreadsheets show as plain text. Numbers stay
numbers.
"""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_row(values) -> list:
    return [spreadsheet_safe(value) for value in values]
