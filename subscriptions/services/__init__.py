"""Business rules of subscriptions: subscribing, and mailing subscribers."""

from .notifications import digests_send
from .subscriptions import subscriber_links, unsubscribe_headers

__all__ = [
    "digests_send",
    "subscriber_links",
    "unsubscribe_headers",
]
