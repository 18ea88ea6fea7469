"""Agreement chapters, items and status changes show on the agreement page, its
chapter and item views, base-conference events and briefings: any change drops
the cached pages (see ``core.caching``). Edits are rare; a whole purge is cheap."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from core.caching import on_commit_purge_everything

from .models import AgreementChapter, AgreementItem, StatusUpdate


def _changed(sender, **kwargs):
    on_commit_purge_everything()


def connect_signals() -> None:
    for model in (AgreementChapter, AgreementItem, StatusUpdate):
        for signal in (post_save, post_delete):
            signal.connect(
                _changed,
                sender=model,
                dispatch_uid=f"tracker_cache_{model.__name__}_{signal is post_save}",
            )
    for relation in (
        AgreementChapter.events.through,
        AgreementItem.topics.through,
        AgreementItem.briefings.through,
        AgreementItem.events.through,
    ):
        m2m_changed.connect(
            _changed, sender=relation, dispatch_uid=f"tracker_cache_{relation.__name__}"
        )
