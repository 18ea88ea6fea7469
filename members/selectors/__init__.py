"""Reads of the members app, one module per domain."""

from core.people import is_verified_member

from .accounts import (
    account_emails,
    active_consents,
    display_name,
    has_authenticator,
    mfa_required,
    profile_for,
    verification_latest,
    verifications_visible_to,
)
from .mentoring import (
    can_coordinate_mentoring,
    mentoring_applications_coordinated_by,
    mentoring_applications_of,
    mentoring_applications_open,
    mentoring_pair_for_token,
    mentoring_pairs,
    mentoring_pairs_coordinated_by,
    mentoring_pairs_of,
)
from .onboarding import (
    can_manage_onboarding,
    next_new_member_meeting,
    onboarding_detail,
    onboarding_district_figures,
    onboarding_waiting_list,
    onboardings_visible_to,
)
from .pool import (
    can_search_pool,
    pool_entries_contactable,
    pool_entries_in_scope_of,
    pool_entries_searchable_by,
    pool_entry_for,
    pool_messages_received_by,
    pool_messages_sent_by,
    pool_search,
    pool_skill_names,
)

__all__ = [
    "account_emails",
    "is_verified_member",
    "display_name",
    "profile_for",
    "active_consents",
    "verification_latest",
    "verifications_visible_to",
    "mfa_required",
    "has_authenticator",
    "can_search_pool",
    "pool_entry_for",
    "pool_entries_contactable",
    "pool_entries_in_scope_of",
    "pool_entries_searchable_by",
    "pool_search",
    "pool_messages_sent_by",
    "pool_messages_received_by",
    "pool_skill_names",
    "can_coordinate_mentoring",
    "mentoring_applications_open",
    "mentoring_applications_coordinated_by",
    "mentoring_pairs_coordinated_by",
    "mentoring_applications_of",
    "mentoring_pairs",
    "mentoring_pairs_of",
    "mentoring_pair_for_token",
    "can_manage_onboarding",
    "onboardings_visible_to",
    "onboarding_waiting_list",
    "onboarding_detail",
    "onboarding_district_figures",
    "next_new_member_meeting",
]
