"""Forms of the dialog app, one module per domain."""

from .calendar import CalendarFilterForm
from .surveys import (
    CallListForm,
    CallOutcomeForm,
    PhoneConsentForm,
    SurveyAnswerForm,
)

__all__ = [
    "CalendarFilterForm",
    "CallListForm",
    "CallOutcomeForm",
    "PhoneConsentForm",
    "SurveyAnswerForm",
]
