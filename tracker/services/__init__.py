"""Business rules of the tracker, one module per domain."""

from .agreements import item_current_status_sync, status_update_create
from .evaluation import (
    feedback_save,
    feedback_withdraw,
    usage_count,
    usage_counts_flush,
)
from .imports import items_import

__all__ = [
    "feedback_save",
    "feedback_withdraw",
    "item_current_status_sync",
    "items_import",
    "status_update_create",
    "usage_count",
    "usage_counts_flush",
]
