"""Forms of the members app, one module per domain."""

from .accounts import (
    DISPLAY_NAME_HELP,
    ProfileForm,
    SignupForm,
    VerificationRejectForm,
    VerificationRequestForm,
    VerificationRevokeForm,
)
from .mentoring import (
    MentoringApplicationForm,
    MentoringMatchForm,
    MentoringPairCloseForm,
)
from .onboarding import (
    OnboardingImportRowForm,
    OnboardingPeriodForm,
    OnboardingStepForm,
)
from .pool import (
    PoolAnswerForm,
    PoolEntryForm,
    PoolMessageForm,
    PoolPauseForm,
    PoolSearchForm,
)
from .privacy import AccountEraseForm

__all__ = [
    "AccountEraseForm",
    "DISPLAY_NAME_HELP",
    "SignupForm",
    "ProfileForm",
    "VerificationRequestForm",
    "VerificationRejectForm",
    "VerificationRevokeForm",
    "PoolEntryForm",
    "PoolPauseForm",
    "PoolAnswerForm",
    "PoolSearchForm",
    "PoolMessageForm",
    "MentoringApplicationForm",
    "MentoringMatchForm",
    "MentoringPairCloseForm",
    "OnboardingImportRowForm",
    "OnboardingPeriodForm",
    "OnboardingStepForm",
]
