"""Non-trivial reads of the dialog app, one module per domain."""

from .events import event_list, upcoming_events
from .surveys import survey_results, surveys_open

__all__ = ["event_list", "upcoming_events", "survey_results", "surveys_open"]
