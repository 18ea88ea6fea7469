"""Business rules of the dialog app, one module per domain."""

from .events import (
    event_copy_to_next_month,
    event_ical_description,
    event_to_ical,
    events_to_ical,
)
from .surveys import (
    call_list_create,
    call_outcome_record,
    phone_consent_give,
    phone_consent_withdraw,
    survey_response_submit,
)

__all__ = [
    "event_copy_to_next_month",
    "event_ical_description",
    "event_to_ical",
    "events_to_ical",
    "call_list_create",
    "call_outcome_record",
    "phone_consent_give",
    "phone_consent_withdraw",
    "survey_response_submit",
]
