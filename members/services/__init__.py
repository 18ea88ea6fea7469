"""Business rules of the members app, one module per domain."""

from .accounts import (
    consent_give,
    consent_withdraw,
    consents_update,
    profile_get_or_create,
    profile_update,
    verification_confirm,
    verification_reject,
    verification_request,
    verification_revoke,
)
from .sessions import sessions_end_all

__all__ = [
    "profile_get_or_create",
    "profile_update",
    "consent_give",
    "consent_withdraw",
    "consents_update",
    "verification_request",
    "verification_confirm",
    "verification_reject",
    "verification_revoke",
    "sessions_end_all",
]
