"""Dialog models: event and forum pages, and what members do on them.

Each domain has its own module; importing them here registers their models.
"""

from . import working_groups  # noqa: F401
from .pages import (
    EVENT_KIND,
    EventFormat,
    EventIndexPage,
    EventPage,
    ForumPage,
    Venue,
    WorkingGroupPage,
    same_weekday_next_month,
    schedule_errors,
)

__all__ = [
    "EVENT_KIND",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "ForumPage",
    "Venue",
    "WorkingGroupPage",
    "same_weekday_next_month",
    "schedule_errors",
]
