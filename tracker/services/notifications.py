"""Mails to the subscribers of the coalition tracker (``ContentKind.AGREEMENT``).

Subscribing works as for topics (``news``: double opt-in, settings and
unsubscribe links). One ``StatusMail`` per status change and subscriber
(unique) makes sending idempotent: a mail is claimed (queued → sending)
before it goes out, so a re-run or a parallel task never sends it twice.
Subscribers with a daily or weekly frequency get the changes in one digest.
"""

import logging
from datetime import timedelta

from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from home.services import chunk_send, rows_claim
from news.models.subscriptions import ContentKind, Frequency, Subscription
from news.services.subscriptions import subscriber_links, unsubscribe_headers

from ..models import StatusMail, StatusUpdate

logger = logging.getLogger(__name__)

CHUNK_SIZE = 25
STALE_AFTER = timedelta(minutes=15)


def _claim(queryset, *, limit):
    return rows_claim(
        queryset=queryset,
        limit=limit,
        field="state",
        queued=StatusMail.State.QUEUED,
        sending=StatusMail.State.SENDING,
    )


def _mark(ids, state):
    if ids:
        StatusMail.objects.filter(pk__in=ids).update(
            state=state,
            sent_at=timezone.now() if state == StatusMail.State.SENT else None,
        )


def _is_public(agreement):
    return agreement.live and not agreement.get_view_restrictions().exists()


def status_mails_send(*, update_id: int) -> int:
    """Write one mail per subscriber for a status change; send the immediate ones.

    Returns the number of mails sent now. Safe to run again.
    """
    update = (
        StatusUpdate.objects.select_related("item__chapter__agreement")
        .filter(pk=update_id)
        .first()
    )
    if update is None or not _is_public(update.item.chapter.agreement):
        return 0
    recipients = Subscription.objects.filter(
        kind=ContentKind.AGREEMENT, subscriber__confirmed_at__isnull=False
    ).values_list("subscriber_id", "frequency")
    StatusMail.objects.bulk_create(
        [
            StatusMail(update=update, subscriber_id=subscriber_id, frequency=frequency)
            for subscriber_id, frequency in recipients
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    queryset = StatusMail.objects.filter(update=update, frequency=Frequency.IMMEDIATE)

    def send(ids, connection):
        for mail in StatusMail.objects.filter(pk__in=ids).select_related("subscriber"):
            if _send(mail.subscriber, [update], connection=connection):
                yield mail.pk
            else:
                _mark([mail.pk], StatusMail.State.FAILED)

    _handled, sent = chunk_send(
        claim=lambda limit: _claim(queryset, limit=limit),
        send=send,
        mark_sent=lambda ids: _mark(ids, StatusMail.State.SENT),
        chunk_size=CHUNK_SIZE,
    )
    return sent


def status_digests_send(*, frequency: str) -> int:
    """One mail per subscriber with every queued change of ``frequency``."""
    if frequency not in (Frequency.DAILY, Frequency.WEEKLY):
        raise ValueError(f"No digest for frequency {frequency!r}")
    subscriber_ids = (
        StatusMail.objects.filter(frequency=frequency, state=StatusMail.State.QUEUED)
        .values_list("subscriber_id", flat=True)
        .distinct()
        .order_by("subscriber_id")
    )
    sent = 0
    with get_connection() as connection:
        for subscriber_id in list(subscriber_ids):
            ids = _claim(
                StatusMail.objects.filter(
                    subscriber_id=subscriber_id, frequency=frequency
                ),
                limit=500,
            )
            mails = list(
                StatusMail.objects.filter(pk__in=ids)
                .select_related("subscriber", "update__item__chapter__agreement")
                .order_by("update__date", "update__pk")
            )
            if not mails:
                continue
            updates = [
                m.update for m in mails if _is_public(m.update.item.chapter.agreement)
            ]
            ok = bool(updates) and _send(
                mails[0].subscriber, updates, connection=connection
            )
            _mark(ids, StatusMail.State.SENT if ok else StatusMail.State.FAILED)
            sent += int(ok)
    return sent


def status_mails_resume(*, stale_after: timedelta = STALE_AFTER) -> int:
    """Put mails a dead worker claimed back in the queue and send them again.

    The database task backend does not retry a task whose worker stopped; the
    periodic sweep (``send_status_mails_resume``) finishes its work. Only the
    chunk in flight when the worker died can be repeated.
    """
    cutoff = timezone.now() - stale_after
    stale = StatusMail.objects.filter(
        state=StatusMail.State.SENDING, claimed_at__lt=cutoff
    )
    update_ids = set(
        stale.filter(frequency=Frequency.IMMEDIATE).values_list("update_id", flat=True)
    )
    stale.update(state=StatusMail.State.QUEUED, claimed_at=None)
    return sum(status_mails_send(update_id=pk) for pk in sorted(update_ids))


def status_message(*, subscriber, updates) -> EmailMessage:
    """The mail about ``updates`` for one subscriber, in their language."""
    links = subscriber_links(subscriber=subscriber)
    with translation.override(subscriber.language):
        entries = [
            {"update": update, "item": update.item, "url": item_full_url(update.item)}
            for update in updates
        ]
        if len(updates) == 1:
            subject = gettext("Coalition agreement: %(item)s is now “%(status)s”") % {
                "item": updates[0].item.code,
                "status": updates[0].get_status_display(),
            }
        else:
            subject = gettext("Coalition agreement: %(count)d status changes") % {
                "count": len(updates)
            }
        body = render_to_string(
            "tracker/mails/status_changes.txt", {"entries": entries, **links}
        )
    return EmailMessage(
        subject=subject,
        body=body,
        to=[subscriber.email],
        headers=unsubscribe_headers(unsubscribe_url=links["unsubscribe_url"]),
    )


def _send(subscriber, updates, *, connection) -> bool:
    try:
        message = status_message(subscriber=subscriber, updates=updates)
        message.connection = connection
        message.send()
    except Exception:  # one failed address must not stop the others
        logger.warning("Status mail to subscriber %s failed", subscriber.pk)
        return False
    return True


def item_full_url(item) -> str:
    agreement = item.chapter.agreement
    return agreement.get_full_url() + agreement.reverse_subpage(
        "item", args=[item.chapter.number, item.number]
    )
