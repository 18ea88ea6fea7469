"""Form fields shared by the apps."""

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
