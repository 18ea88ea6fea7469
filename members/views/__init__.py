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
from .sessions import logout_everywhere, sessions_link

__all__ = [
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
]
