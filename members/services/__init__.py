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
from .mentoring import (
    mentoring_apply,
    mentoring_match,
    mentoring_pair_close,
    mentoring_pair_respond,
    mentoring_withdraw,
)
from .onboarding import (
    onboarding_import_save,
    onboarding_link_account,
    onboarding_start,
    onboarding_start_for_verification,
    onboarding_step_done,
    onboarding_step_undo,
)
from .pool import (
    MESSAGES_PER_DAY,
    pool_entry_leave,
    pool_entry_pause,
    pool_entry_resume,
    pool_entry_save,
    pool_message_answer,
    pool_message_decline,
    pool_message_send,
)
from .privacy import account_erase, member_data_download
from .sessions import sessions_end_all

__all__ = [
    "account_erase",
    "member_data_download",
    "profile_get_or_create",
    "profile_update",
    "consent_give",
    "consent_withdraw",
    "consents_update",
    "verification_request",
    "verification_confirm",
    "verification_reject",
    "verification_revoke",
    "MESSAGES_PER_DAY",
    "pool_entry_save",
    "pool_entry_pause",
    "pool_entry_resume",
    "pool_entry_leave",
    "pool_message_send",
    "pool_message_answer",
    "pool_message_decline",
    "mentoring_apply",
    "mentoring_withdraw",
    "mentoring_match",
    "mentoring_pair_respond",
    "mentoring_pair_close",
    "onboarding_start",
    "onboarding_start_for_verification",
    "onboarding_link_account",
    "onboarding_import_save",
    "onboarding_step_done",
    "onboarding_step_undo",
    "sessions_end_all",
]
