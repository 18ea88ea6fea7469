"""Member models, one module per domain; importing them here registers them."""

from .accounts import (
    Consent,
    MembershipVerification,
    Profile,
)
from .logins import FailedLogin
from .mentoring import MentoringApplication, MentoringPair
from .onboarding import (
    Onboarding,
    OnboardingStep,
    OnboardingStepDone,
    WelcomeMailText,
)
from .pool import PoolEntry, PoolMessage, TaggedPoolSkill

__all__ = [
    "Profile",
    "Consent",
    "FailedLogin",
    "MembershipVerification",
    "PoolEntry",
    "PoolMessage",
    "TaggedPoolSkill",
    "MentoringApplication",
    "MentoringPair",
    "Onboarding",
    "OnboardingStep",
    "OnboardingStepDone",
    "WelcomeMailText",
]
