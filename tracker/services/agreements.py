"""Writing the history of coalition-agreement items."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import AgreementItem, ItemStatus, StatusUpdate
from ..tasks import send_status_mails


def status_update_errors(*, date, status, progress) -> dict[str, str]:
    errors = {}
    if status not in ItemStatus.values:
        errors["status"] = _("Choose one of the listed statuses.")
    if progress is None or not 0 <= progress <= 100:
        errors["progress"] = _("Progress is a whole number from 0 to 100.")
    if date is None:
        errors["date"] = _("Enter the date of the change.")
    elif date > timezone.localdate():
        errors["date"] = _("A status change cannot lie in the future.")
    return errors


def status_update_create(
    *,
    item: AgreementItem,
    date: datetime.date,
    status: str,
    progress: int,
    note: str = "",
    source_url: str = "",
    user=None,
    notify: bool = True,
) -> StatusUpdate:
    """Append a status change to ``item``'s history and notify its subscribers.

    Earlier entries are never changed. The item keeps a copy of its newest
    entry (by date, then entry time), so a back-dated correction does not
    overwrite a newer status.
    """
    errors = status_update_errors(date=date, status=status, progress=progress)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = AgreementItem.objects.select_for_update().get(pk=item.pk)
        update = StatusUpdate.objects.create(
            item=item,
            date=date,
            status=status,
            progress=progress,
            note=note,
            source_url=source_url,
            created_by=user if user is not None and user.is_authenticated else None,
        )
        item_current_status_sync(item=item)
        if notify:
            _enqueue_mails(update.pk)
    return update


def item_current_status_sync(*, item: AgreementItem) -> None:
    newest = item.status_updates.order_by("-date", "-created_at", "-pk").first()
    if newest is None:
        item.status, item.progress, item.status_date = ItemStatus.NOT_STARTED, 0, None
    else:
        item.status, item.progress = newest.status, newest.progress
        item.status_date = newest.date
    item.save(update_fields=["status", "progress", "status_date"])


def _enqueue_mails(update_id):
    transaction.on_commit(lambda: send_status_mails.enqueue(update_id))
