"""Site views of the members app, one module per domain."""

from .accounts import (
    admin_login_redirect,
    admin_password_reset_redirect,
    confirm_email,
    password_reset_from_key,
    profile,
    profile_links,
    signup,
    verification,
)
from .mentoring import mentoring, mentoring_proposal, mentoring_withdraw_view
from .pool import (
    pool,
    pool_leave,
    pool_message_answer_view,
    pool_message_decline_view,
    pool_pause,
    pool_resume,
)
from .privacy import account_delete, account_deleted, my_data, my_data_export
from .sessions import logout_everywhere, sessions_link

__all__ = [
    "account_delete",
    "account_deleted",
    "my_data",
    "my_data_export",
    "logout_everywhere",
    "sessions_link",
    "admin_login_redirect",
    "admin_password_reset_redirect",
    "confirm_email",
    "password_reset_from_key",
    "profile_links",
    "profile",
    "signup",
    "verification",
    "pool",
    "pool_pause",
    "pool_resume",
    "pool_leave",
    "pool_message_answer_view",
    "pool_message_decline_view",
    "mentoring",
    "mentoring_withdraw_view",
    "mentoring_proposal",
]
