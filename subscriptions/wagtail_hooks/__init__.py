"""Admin integration of subscriptions: the lists, and the member's data."""

from . import admin, privacy  # noqa: F401
