"""Tracker models: the coalition agreement and the evaluation of formats."""

from .agreements import (
    AgreementChapter,
    AgreementItem,
    ItemStatus,
    StatusMail,
    StatusUpdate,
)
from .evaluation import BriefingFeedback, Metric, UsageCount
from .pages import CoalitionAgreementPage

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
