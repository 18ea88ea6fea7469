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
from .onboarding import (
    onboarding_import_save,
    onboarding_link_account,
    onboarding_start,
    onboarding_start_for_verification,
    onboarding_step_done,
    onboarding_step_undo,
)

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
    "onboarding_start",
    "onboarding_start_for_verification",
    "onboarding_link_account",
    "onboarding_import_save",
    "onboarding_step_done",
    "onboarding_step_undo",
]
