"""Forms of the dialog app, one module per domain."""

from .calendar import CalendarFilterForm

__all__ = ["CalendarFilterForm"]
