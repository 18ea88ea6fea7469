"""Tracker models: the coalition agreement and the evaluation of formats."""

from .agreements import (
    AGREEMENT_KIND,
    AgreementChapter,
    AgreementItem,
    ItemStatus,
    StatusMail,
    StatusUpdate,
)
from .evaluation import BriefingFeedback, Metric, UsageCount
from .pages import CoalitionAgreementPage

__all__ = [
    "AGREEMENT_KIND",
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
