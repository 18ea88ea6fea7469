"""Tracker models: the coalition agreement and the evaluation of formats."""

from .agreements import (
    AGREEMENT_KIND,
    AgreementChapter,
    AgreementItem,
    CoalitionAgreementPage,
    ItemStatus,
    StatusMail,
    StatusUpdate,
)
from .evaluation import BriefingFeedback, Metric, UsageCount

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
