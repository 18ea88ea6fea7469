"""Member models, one module per domain; importing them here registers them."""

from .accounts import (
    Consent,
    MembershipVerification,
    Profile,
)

__all__ = [
    "Profile",
    "Consent",
    "MembershipVerification",
]
