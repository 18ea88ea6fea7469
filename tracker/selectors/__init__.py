"""Reads of the tracker, one module per domain."""

from .agreements import (
    agreement_charts,
    agreement_links_for_event,
    chapter_progress,
    item_history,
    items_filter,
    linked_pages,
    recent_status_updates,
    status_totals,
    topic_progress,
)
from .evaluation import briefing_remarks, briefing_report, monthly_report

__all__ = [
    "agreement_charts",
    "agreement_links_for_event",
    "briefing_remarks",
    "briefing_report",
    "chapter_progress",
    "item_history",
    "items_filter",
    "linked_pages",
    "monthly_report",
    "recent_status_updates",
    "status_totals",
    "topic_progress",
]
