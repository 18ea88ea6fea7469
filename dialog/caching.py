"""Venues change what cached pages show (see ``core.caching``)."""

from django.db.models.signals import post_delete, post_save

from core.caching import on_commit_purge_everything

from .models.venues import Venue


def _venue_changed(sender, **kwargs):
    on_commit_purge_everything()


def connect_signals() -> None:
    for signal in (post_save, post_delete):
        signal.connect(
            _venue_changed,
            sender=Venue,
            dispatch_uid=f"portal_cache_venue_{signal is post_save}",
        )
