"""Upload checks for Wagtail documents: the content must match the extension.

Wagtail checks only a document's extension (images it opens and compares). A
file named ``.pdf`` that is really HTML or a script would be handed to readers
as a PDF; here the first bytes decide. Documents are served as attachments
(``WAGTAILDOCS_INLINE_CONTENT_TYPES = []``), so even a text file never runs.
"""

import os

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

ZIP = (b"PK\x03\x04",)
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": ZIP,
    "xlsx": ZIP,
    "pptx": ZIP,
    "odt": ZIP,
    "ods": ZIP,
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = {"csv", "txt"}
SNIFF_BYTES = 64 * 1024
MARKUP_STARTS = (b"<!doctype html", b"<html", b"<script", b"<svg", b"<?xml")


def document_content_check(upload) -> None:
    """Raise ``ValidationError`` unless ``upload``'s bytes fit its extension."""
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension in SIGNATURES:
        if not head.startswith(SIGNATURES[extension]):
            raise ValidationError(
                _("The content of this file is not a .%(extension)s document."),
                code="content_mismatch",
                params={"extension": extension},
            )
    elif extension in TEXT_EXTENSIONS:
        if b"\x00" in head or head.lstrip().lower().startswith(MARKUP_STARTS):
            raise ValidationError(
                _("A .%(extension)s file must contain plain text."),
                code="content_mismatch",
                params={"extension": extension},
            )


class PortalDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            document_content_check(upload)
        return upload
