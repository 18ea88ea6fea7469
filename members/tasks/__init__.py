"""Background tasks of the members app, one module per domain."""

from .accounts import (
    TEMPLATES,
    verification_decision_mail_send,
)
from .pool import pool_message_relay, pool_message_sender_notify

__all__ = [
    "TEMPLATES",
    "verification_decision_mail_send",
    "pool_message_relay",
    "pool_message_sender_notify",
]
