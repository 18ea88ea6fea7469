"""Mails to the subscribers of the coalition tracker (``AGREEMENT_KIND``).

Subscribing works as for topics (``subscriptions``: double opt-in, settings and
unsubscribe links). One ``StatusMail`` per status change and subscriber
(unique) makes sending idempotent: a mail is claimed (queued → sending)
before it goes out, so a re-run or a parallel task never sends it twice.
Subscribers with a daily or weekly frequency get the changes in one digest.
A mail server that is down or says "try later" puts mails back in the queue
with a growing pause, as news deliveries do; the periodic sweep
(``status_mails_resume``) sends immediate ones when they are due, the next
digest run the others. A refused address fails at once.
"""

import logging
from datetime import datetime, timedelta

from django.core.mail import EmailMessage, get_connection
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.outbox import chunk_send, rows_claim, rows_retry_later
from subscriptions.models import Frequency, Subscription
from subscriptions.services import (
    mail_error_is_transient,
    mail_error_reason,
    subscriber_links,
    unsubscribe_headers,
)

from ..models import AGREEMENT_KIND, StatusMail, StatusUpdate

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


def _mark(ids, state, *, error=""):
    if ids:
        StatusMail.objects.filter(pk__in=ids).update(
            state=state,
            sent_at=timezone.now() if state == StatusMail.State.SENT else None,
            error=error[:300],
        )


def _retry_later(ids, error, *, now=None):
    rows_retry_later(
        model=StatusMail,
        ids=ids,
        error=error,
        field="state",
        queued=StatusMail.State.QUEUED,
        sending=StatusMail.State.SENDING,
        failed=StatusMail.State.FAILED,
        now=now,
    )


def _record_failure(ids, error, *, now=None):
    """Try later when the server is down or says so (4xx), else give up."""
    if mail_error_is_transient(error):
        _retry_later(ids, error, now=now)
    else:
        _mark(ids, StatusMail.State.FAILED, error=mail_error_reason(error))


def _due(now):
    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)


def _is_public(agreement):
    return agreement.live and not agreement.get_view_restrictions().exists()


def status_mails_send(*, update_id: int, now: datetime | None = None) -> int:
    """Write one mail per subscriber for a status change; send the immediate ones.

    Only mails due at ``now`` (not waiting for a retry) are sent. Returns the
    number of mails sent now. Safe to run again.
    """
    now = now or timezone.now()
    update = (
        StatusUpdate.objects.select_related("item__chapter__agreement")
        .filter(pk=update_id)
        .first()
    )
    if update is None or not _is_public(update.item.chapter.agreement):
        return 0
    recipients = Subscription.objects.filter(
        kind=AGREEMENT_KIND, subscriber__confirmed_at__isnull=False
    ).values_list("subscriber_id", "frequency")
    StatusMail.objects.bulk_create(
        [
            StatusMail(update=update, subscriber_id=subscriber_id, frequency=frequency)
            for subscriber_id, frequency in recipients
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    queryset = StatusMail.objects.filter(
        _due(now), update=update, frequency=Frequency.IMMEDIATE
    )

    def send(ids, connection):
        mails = StatusMail.objects.filter(pk__in=ids).select_related("subscriber")
        for mail in mails.order_by("pk"):
            error = _send(mail.subscriber, [update], connection=connection)
            if error is None:
                yield mail.pk
            else:
                _record_failure([mail.pk], error, now=now)

    _handled, sent = chunk_send(
        claim=lambda limit: _claim(queryset, limit=limit),
        send=send,
        mark_sent=lambda ids: _mark(ids, StatusMail.State.SENT),
        chunk_size=CHUNK_SIZE,
        unreachable=lambda ids, error: _retry_later(ids, error, now=now),
    )
    return sent


def status_digests_send(*, frequency: str) -> int:
    """One mail per subscriber with every queued change of ``frequency``.

    Mails the server could not take wait for the next run, as many runs as
    ``core.outbox.MAX_ATTEMPTS`` allows.
    """
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
            if not updates:
                _mark(ids, StatusMail.State.FAILED)
                continue
            error = _send(mails[0].subscriber, updates, connection=connection)
            if error is None:
                _mark(ids, StatusMail.State.SENT)
                sent += 1
            else:
                _record_failure(ids, error)
    return sent


def status_mails_resume(
    *, stale_after: timedelta = STALE_AFTER, now: datetime | None = None
) -> int:
    """Send the immediate mails that are due: retries and what a dead worker left.

    The database task backend does not retry a task whose worker stopped, and
    mails the server refused wait for their ``next_attempt_at``; the periodic
    sweep (``resume_status_mails``, ``send_status_digests``) finishes both. Of
    a dead worker's mails only the chunk in flight can be repeated. Returns the
    mails sent.
    """
    now = now or timezone.now()
    StatusMail.objects.filter(
        state=StatusMail.State.SENDING, claimed_at__lt=now - stale_after
    ).update(state=StatusMail.State.QUEUED, claimed_at=None)
    update_ids = (
        StatusMail.objects.filter(
            _due(now), state=StatusMail.State.QUEUED, frequency=Frequency.IMMEDIATE
        )
        .values_list("update_id", flat=True)
        .distinct()
        .order_by("update_id")
    )
    return sum(status_mails_send(update_id=pk, now=now) for pk in list(update_ids))


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


def _send(subscriber, updates, *, connection) -> Exception | None:
    """Send one mail; return its error for the caller to record, if it failed."""
    try:
        message = status_message(subscriber=subscriber, updates=updates)
        message.connection = connection
        message.send()
    except Exception as error:  # one failed address must not stop the others
        logger.warning(
            "Status mail to subscriber %s failed: %s",
            subscriber.pk,
            type(error).__name__,
        )
        return error
    return None


def item_full_url(item) -> str:
    agreement = item.chapter.agreement
    return agreement.get_full_url() + agreement.reverse_subpage(
        "item", args=[item.chapter.number, item.number]
    )
