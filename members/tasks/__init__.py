"""Background tasks of the members app, one module per domain."""

from .accounts import (
    TEMPLATES,
    verification_decision_mail_send,
)
from .mentoring import (
    mentoring_pair_introduction_mail,
    mentoring_pair_proposal_mail,
)
from .onboarding import onboarding_welcome_mail_send, welcome_mail_render
from .pool import pool_message_relay, pool_message_sender_notify

__all__ = [
    "TEMPLATES",
    "verification_decision_mail_send",
    "pool_message_relay",
    "pool_message_sender_notify",
    "mentoring_pair_proposal_mail",
    "mentoring_pair_introduction_mail",
    "onboarding_welcome_mail_send",
    "welcome_mail_render",
]
