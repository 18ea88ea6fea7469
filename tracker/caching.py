"""Agreement chapters, items and status changes show on the agreement page, its
chapter and item views, base-conference events and briefings: any change drops
the cached pages (see ``core.caching``). Edits are rare; a whole purge is cheap."""

from core.caching import purge_everything_when_changed

from .models import AgreementChapter, AgreementItem, StatusUpdate


def connect_signals() -> None:
    purge_everything_when_changed(
        AgreementChapter,
        AgreementItem,
        StatusUpdate,
        AgreementChapter.events.through,
        AgreementItem.topics.through,
        AgreementItem.briefings.through,
        AgreementItem.events.through,
    )
