"""Venues show on many pages (see ``core.caching``)."""

from core.caching import purge_everything_when_changed

from .models.venues import Venue


def connect_signals() -> None:
    purge_everything_when_changed(Venue)
