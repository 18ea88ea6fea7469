"""Forms of the members app, one module per domain."""

from .accounts import (
    DISPLAY_NAME_HELP,
    ProfileForm,
    SignupForm,
    VerificationRejectForm,
    VerificationRequestForm,
    VerificationRevokeForm,
)
from .onboarding import (
    OnboardingImportRowForm,
    OnboardingPeriodForm,
    OnboardingStepForm,
)

__all__ = [
    "DISPLAY_NAME_HELP",
    "SignupForm",
    "ProfileForm",
    "VerificationRequestForm",
    "VerificationRejectForm",
    "VerificationRevokeForm",
    "OnboardingImportRowForm",
    "OnboardingPeriodForm",
    "OnboardingStepForm",
]
