"""News models: articles and decision briefings.

Each domain has its own module; importing them here registers their models.
"""

from .pages import (
    BRIEFING_KIND,
    NEWS_KIND,
    DecisionBriefingPage,
    NewsArticlePage,
    NewsIndexPage,
)
from .workflows import SecondPersonApprovalTask

__all__ = [
    "BRIEFING_KIND",
    "NEWS_KIND",
    "DecisionBriefingPage",
    "NewsArticlePage",
    "NewsIndexPage",
    "SecondPersonApprovalTask",
]
