"""Business rules of the dialog app, one module per domain."""

from .events import (
    event_copy_to_next_month,
    event_ical_description,
    event_to_ical,
    events_to_ical,
)

__all__ = [
    "event_copy_to_next_month",
    "event_ical_description",
    "event_to_ical",
    "events_to_ical",
]
