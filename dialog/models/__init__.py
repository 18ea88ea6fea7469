"""Dialog models: event and forum pages, and what members do on them.

Each page or domain has its own module; importing them here registers their
models with Django and offers them to the other apps. Modules inside ``dialog``
import from the defining module instead, so that none depends on this one.
"""

from .calendar import EventIndexPage
from .coordinators import WorkingGroupCoordinator
from .events import EVENT_KIND, EventPage
from .forums import ForumPage
from .schedules import EventFormat, same_weekday_next_month, schedule_errors
from .venues import Venue
from .working_groups import WorkingGroupPage

__all__ = [
    "EVENT_KIND",
    "EventFormat",
    "EventIndexPage",
    "EventPage",
    "ForumPage",
    "Venue",
    "WorkingGroupCoordinator",
    "WorkingGroupPage",
    "same_weekday_next_month",
    "schedule_errors",
]
