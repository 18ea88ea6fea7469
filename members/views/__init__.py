"""Site views of the members app, one module per domain."""

from .accounts import (
    admin_login_redirect,
    confirm_email,
    password_reset_from_key,
    profile,
    profile_links,
    verification,
)

__all__ = [
    "admin_login_redirect",
    "confirm_email",
    "password_reset_from_key",
    "profile_links",
    "profile",
    "verification",
]
