"""Tracker models: the coalition agreement and the evaluation of formats."""

from .agreements import (
    AgreementChapter,
    AgreementItem,
    CoalitionAgreementPage,
    ItemStatus,
    StatusMail,
    StatusUpdate,
)
from .evaluation import BriefingFeedback, Metric, UsageCount

__all__ = [
    "AgreementChapter",
    "AgreementItem",
    "BriefingFeedback",
    "CoalitionAgreementPage",
    "ItemStatus",
    "Metric",
    "StatusMail",
    "StatusUpdate",
    "UsageCount",
]
