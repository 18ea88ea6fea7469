from home.services import page_members_only_set

from .models import DecisionBriefingPage


def briefing_audience_sync(*, page: DecisionBriefingPage) -> None:
    """Make the page's view restriction follow its audience field."""
    page_members_only_set(
        page=page, members_only=page.audience == DecisionBriefingPage.Audience.MEMBERS
    )
