"""Background tasks of the members app, one module per domain."""

from .accounts import (
    TEMPLATES,
    verification_decision_mail_send,
)
from .onboarding import onboarding_welcome_mail_send, welcome_mail_render

__all__ = [
    "TEMPLATES",
    "verification_decision_mail_send",
    "onboarding_welcome_mail_send",
    "welcome_mail_render",
]
