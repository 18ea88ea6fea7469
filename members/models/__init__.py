"""Member models, one module per domain; importing them here registers them."""

from .accounts import (
    Consent,
    MembershipVerification,
    Profile,
)
from .onboarding import (
    Onboarding,
    OnboardingStep,
    OnboardingStepDone,
    WelcomeMailText,
)

__all__ = [
    "Profile",
    "Consent",
    "MembershipVerification",
    "Onboarding",
    "OnboardingStep",
    "OnboardingStepDone",
    "WelcomeMailText",
]
