"""Reads of the members app, one module per domain."""

from .accounts import (
    active_consents,
    display_name,
    has_authenticator,
    is_verified_member,
    mfa_required,
    profile_for,
    verification_latest,
    verifications_visible_to,
)
from .onboarding import (
    can_manage_onboarding,
    next_new_member_meeting,
    onboarding_detail,
    onboarding_district_figures,
    onboarding_waiting_list,
    onboardings_visible_to,
)

__all__ = [
    "is_verified_member",
    "display_name",
    "profile_for",
    "active_consents",
    "verification_latest",
    "verifications_visible_to",
    "mfa_required",
    "has_authenticator",
    "can_manage_onboarding",
    "onboardings_visible_to",
    "onboarding_waiting_list",
    "onboarding_detail",
    "onboarding_district_figures",
    "next_new_member_meeting",
]
