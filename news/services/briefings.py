from core.services import page_members_only_set

from ..models import DecisionBriefingPage


def briefing_audience_sync(
    *, page: DecisionBriefingPage, tighten_only: bool = False
) -> None:
    """Make the page's view restriction follow its audience field.

    A draft may only tighten access (``tighten_only``): switching a live
    members-only briefing to public takes effect when it is published.
    """
    members_only = page.audience == DecisionBriefingPage.Audience.MEMBERS
    if tighten_only and not members_only:
        return
    page_members_only_set(page=page, members_only=members_only)
