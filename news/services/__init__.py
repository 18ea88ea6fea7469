"""Business rules of the news app, one module per domain."""

from .briefings import briefing_audience_sync

__all__ = ["briefing_audience_sync"]
