"""All-or-nothing CSV imports with a dry run and row-level errors.

Editors import new members, district figures and coalition-agreement items from
spreadsheets. Every import works the same way:

1. :func:`read_csv` reads the upload (UTF-8 or Excel's Windows-1252, comma,
   semicolon or tab) and checks the header; a file it cannot read raises
   :class:`CSVFileError` with a translated message.
2. :func:`run_import` validates *every* row first. If any row is bad, nothing is
   written and the report names each bad row (line number as the spreadsheet
   shows it, column, message). If all rows are good, they are saved in one
   transaction; a dry run rolls that transaction back, so it reports exactly
   what a real import would do.

An importer supplies two functions: ``validate(line, row) -> cleaned`` (raise
``django.core.exceptions.ValidationError``, with a dict for per-column messages)
and ``save(cleaned) -> "created" | "updated" | "unchanged"``. Admin views check
their permission and hand the rest to :func:`csv_import_view` (form, reading,
importing, the report page ``core/admin/csv_import.html``).
"""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 20_000


class CSVFileError(Exception):
    """The file as a whole cannot be imported (encoding, header, size)."""


@dataclass
class RowError:
    line: int
    column: str
    message: str


@dataclass
class ImportReport:
    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = True
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self):
        return not self.errors

    @property
    def applied(self):
        return self.ok and not self.dry_run

    @property
    def bad_lines(self):
        return sorted({error.line for error in self.errors})


def read_csv(upload, *, required, optional=(), max_rows=MAX_ROWS, max_bytes=MAX_BYTES):
    """``[(line, {column: value})]`` from an uploaded CSV file.

    Column names are matched without case and surrounding spaces; values are
    stripped. Unknown columns are ignored, missing required ones are an error.
    """
    raw = upload.read(max_bytes + 1)
    if len(raw) > max_bytes:
        raise CSVFileError(
            _("The file is larger than %(size)d MB.")
            % {"size": max_bytes // 1024 // 1024}
        )
    if not raw.strip():
        raise CSVFileError(_("The file is empty."))
    if b"\x00" in raw:
        raise CSVFileError(_("This is not a CSV file."))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = [name.strip().lower() for name in next(reader)]
    except (StopIteration, csv.Error) as error:
        raise CSVFileError(_("The first line must name the columns.")) from error
    missing = [name for name in required if name not in header]
    if missing:
        raise CSVFileError(
            _("Missing columns: %(columns)s. Expected: %(expected)s.")
            % {
                "columns": ", ".join(missing),
                "expected": ", ".join([*required, *optional]),
            }
        )
    rows = []
    try:
        for values in reader:
            if not any(value.strip() for value in values):
                continue
            if len(rows) >= max_rows:
                raise CSVFileError(
                    _("The file has more than %(rows)d rows.") % {"rows": max_rows}
                )
            row = {
                name: (values[index].strip() if index < len(values) else "")
                for index, name in enumerate(header)
                if name
            }
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise CSVFileError(
            _("Line %(line)d cannot be read: %(error)s")
            % {"line": reader.line_num, "error": error}
        ) from error
    if not rows:
        raise CSVFileError(_("The file has no rows below the header."))
    return rows


def _row_errors(line, error):
    if hasattr(error, "error_dict"):
        return [
            RowError(line, column if column != "__all__" else "", message)
            for column, messages in error.message_dict.items()
            for message in messages
        ]
    return [RowError(line, "", message) for message in error.messages]


def run_import(*, rows, validate, save, dry_run):
    """Validate all ``rows``, then save all of them or none; see the module doc."""
    report = ImportReport(total=len(rows), dry_run=dry_run)
    cleaned_rows = []
    for line, row in rows:
        try:
            cleaned_rows.append(validate(line, row))
        except ValidationError as error:
            report.errors.extend(_row_errors(line, error))
    if report.errors:
        return report
    with transaction.atomic():
        for cleaned in cleaned_rows:
            outcome = save(cleaned)
            setattr(report, outcome, getattr(report, outcome) + 1)
        if dry_run:
            transaction.set_rollback(True)
    return report


class CSVImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy(
            "UTF-8 or Excel CSV, separated by commas or semicolons, "
            "with the column names in the first line."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Dry run: check the file, save nothing"),
        required=False,
        initial=True,
    )


def csv_import_view(
    request,
    *,
    importer,
    required,
    optional=(),
    title,
    back_url,
    columns=(),
    form_class=CSVImportForm,
    initial=None,
):
    """The upload page of an import: form, :func:`read_csv`, ``importer``, report.

    ``importer(rows=..., dry_run=..., cleaned_data=...)`` returns the
    :class:`ImportReport` (usually from :func:`run_import`); ``cleaned_data``
    holds any extra fields of ``form_class``. ``columns`` lists
    ``(name, description)`` for the help on the page. An invalid form, an
    unreadable file or bad rows answer 400 with the reasons.
    """
    report = file_error = None
    status = 200
    if request.method == "POST":
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            try:
                rows = read_csv(
                    form.cleaned_data["file"], required=required, optional=optional
                )
            except CSVFileError as error:
                file_error = str(error)
            else:
                report = importer(
                    rows=rows,
                    dry_run=form.cleaned_data["dry_run"],
                    cleaned_data=form.cleaned_data,
                )
        if not form.is_valid() or file_error or not report.ok:
            status = 400
    else:
        form = form_class(initial=initial)
    return TemplateResponse(
        request,
        "core/admin/csv_import.html",
        {
            "title": title,
            "form": form,
            "report": report,
            "file_error": file_error,
            "columns": columns,
            "back_url": back_url,
        },
        status=status,
    )
