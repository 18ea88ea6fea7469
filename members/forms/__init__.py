"""Forms of the members app, one module per domain."""

from .accounts import (
    DISPLAY_NAME_HELP,
    ProfileForm,
    SignupForm,
    VerificationRejectForm,
    VerificationRequestForm,
    VerificationRevokeForm,
)

__all__ = [
    "DISPLAY_NAME_HELP",
    "SignupForm",
    "ProfileForm",
    "VerificationRequestForm",
    "VerificationRejectForm",
    "VerificationRevokeForm",
]
