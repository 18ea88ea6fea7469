"""Form fields shared by the apps."""

import re

from django import forms
from django.core.exceptions import ValidationError

# The range of the integer primary keys (SQLite and PostgreSQL bigint).
PK_MIN, PK_MAX = -(2**63), 2**63 - 1


class ModelMultipleChoiceField(forms.ModelMultipleChoiceField):
    """Django's field, refusing ids beyond the database's integers as invalid.

    Django looks the chosen ids up with ``pk__in``; on SQLite an id of 2**63
    raises ``OverflowError`` there (a 500) instead of being an unknown choice.
    """

    def _check_values(self, value):
        if self.to_field_name is None:
            for pk in value:
                try:
                    in_range = PK_MIN <= int(pk) <= PK_MAX
                except (TypeError, ValueError):
                    continue  # Django's own check reports it
                if not in_range:
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": pk},
                    )
        return super()._check_values(value)


# Embeddings, overrides, isolates and the directional marks (LRM, RLM, ALM):
# "Mallory\u202egnp.exe" shows as "Malloryexe.png" in a list or a spreadsheet.
BIDI_CONTROLS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def without_bidi_controls(text: str) -> str:
    return BIDI_CONTROLS.sub("", text)


class PersonalTextField(forms.CharField):
    """A text field about a person (name, organisation, note): bidi controls
    dropped, so what is stored reads as what others see in lists and exports."""

    def to_python(self, value):
        if isinstance(value, str):
            value = without_bidi_controls(value)
        return super().to_python(value)
