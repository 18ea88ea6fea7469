"""News models: articles, decision briefings, and who follows them.

Each domain has its own module; importing them here registers their models.
"""

from . import subscriptions  # noqa: F401
from .pages import DecisionBriefingPage, NewsArticlePage, NewsIndexPage
from .workflows import SecondPersonApprovalTask

__all__ = [
    "DecisionBriefingPage",
    "NewsArticlePage",
    "NewsIndexPage",
    "SecondPersonApprovalTask",
]
