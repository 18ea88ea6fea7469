"""Non-trivial reads of the dialog app, one module per domain."""

from .events import event_list, upcoming_events

__all__ = ["event_list", "upcoming_events"]
