"""Background tasks of the members app, one module per domain."""

from .accounts import (
    TEMPLATES,
    verification_decision_mail_send,
)

__all__ = [
    "TEMPLATES",
    "verification_decision_mail_send",
]
