"""Business rules of subscriptions: subscribing, and mailing subscribers."""

from .notifications import (
    deliveries_claim,
    digests_send,
    mail_error_is_transient,
    mail_error_reason,
)
from .subscriptions import subscriber_links, unsubscribe_headers

__all__ = [
    "deliveries_claim",
    "digests_send",
    "mail_error_is_transient",
    "mail_error_reason",
    "subscriber_links",
    "unsubscribe_headers",
]
