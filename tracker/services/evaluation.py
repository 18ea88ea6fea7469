"""Members' answers on briefings and the anonymous daily usage counters."""

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ..models import BriefingFeedback, UsageCount


@transaction.atomic
def feedback_save(*, briefing, user, answer: str, remark: str = "") -> BriefingFeedback:
    """A member's one answer on ``briefing``; answering again changes it."""
    feedback, _created = BriefingFeedback.objects.update_or_create(
        briefing=briefing,
        user=user,
        defaults={
            "answer": answer,
            "remark": remark.strip(),
            "consented_at": timezone.now(),
        },
    )
    return feedback


@transaction.atomic
def feedback_withdraw(*, briefing, user) -> bool:
    deleted, _rows = BriefingFeedback.objects.filter(
        briefing=briefing, user=user
    ).delete()
    return bool(deleted)


def usage_count(*, metric: str, page_id: int | None = None, day=None) -> None:
    """Add one to today's counter of ``metric`` (for ``page_id``, or site-wide).

    A single ``UPDATE … SET count = count + 1`` so parallel requests never lose
    a count; the first count of a day creates the row, and a request that loses
    that race updates the row the other one made.
    """
    day = day or timezone.localdate()
    rows = UsageCount.objects.filter(date=day, metric=metric, page_id=page_id)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            UsageCount.objects.create(date=day, metric=metric, page_id=page_id, count=1)
    except IntegrityError:
        rows.update(count=F("count") + 1)
