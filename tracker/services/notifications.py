"""Mails to the subscribers of the coalition tracker (``AGREEMENT_KIND``).

Subscribing works as for topics (``subscriptions``: double opt-in, settings and
unsubscribe links). One ``StatusMail`` per status change and subscriber
(unique) makes sending idempotent. Status mails are a queue of the one outbox
service (``STATUS_MAILS``, ``core.outbox``): a mail is claimed (queued →
sending) before it goes out, so a re-run or a parallel task never sends it
twice. Subscribers with a daily or weekly frequency get the changes in one
digest. A mail server that is down or says "try later" puts mails back in the
queue with a growing pause, as news deliveries do; the periodic sweep
(``status_mails_resume``) sends immediate ones when they are due, the next
digest run the others. A refused address fails at once.
"""

from datetime import datetime, timedelta

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from core.outbox import MailQueue
from subscriptions.models import Frequency, Subscription
from subscriptions.services import subscriber_links, unsubscribe_headers

from ..models import AGREEMENT_KIND, StatusMail, StatusUpdate


def _is_public(agreement):
    return agreement.live and not agreement.get_view_restrictions().exists()


def _public(mail, memo):
    """Whether the agreement of ``mail`` is public; read once per send."""
    agreement = mail.update.item.chapter.agreement
    known = memo.setdefault("public", {})
    if agreement.pk not in known:
        known[agreement.pk] = _is_public(agreement)
    return known[agreement.pk]


def _readable_status_mails(mails, memo):
    """Mails go out if one of their changes is public; else they fail."""
    return mails if any(_public(mail, memo) for mail in mails) else []


def status_mail_message(mails, memo) -> EmailMessage:
    """The mail of a subscriber's public changes in date order: one or a digest."""
    mails = sorted(mails, key=lambda mail: (mail.update.date, mail.update.pk))
    updates = [mail.update for mail in mails if _public(mail, memo)]
    return status_message(subscriber=mails[0].subscriber, updates=updates)


# Status mails through the one outbox service: chunks of 25, retries as the
# outbox's mails, a digest takes up to 500 changes of one subscriber. A digest
# of no public change fails (status mails have no "skipped").
STATUS_MAILS = MailQueue(
    model=StatusMail,
    field="state",
    queued=StatusMail.State.QUEUED,
    sending=StatusMail.State.SENDING,
    sent=StatusMail.State.SENT,
    failed=StatusMail.State.FAILED,
    dropped=StatusMail.State.FAILED,
    message=status_mail_message,
    readable=_readable_status_mails,
    related=("subscriber", "update__item__chapter__agreement"),
    digest_size=500,
)


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
    _handled, sent = STATUS_MAILS.send(
        StatusMail.objects.filter(update=update, frequency=Frequency.IMMEDIATE),
        now=now,
    )
    return sent


def status_digests_send(*, frequency: str) -> int:
    """One mail per subscriber with every queued change of ``frequency``.

    Mails the server could not take wait for the next run, as many runs as
    ``core.outbox.MAX_ATTEMPTS`` allows.
    """
    if frequency not in (Frequency.DAILY, Frequency.WEEKLY):
        raise ValueError(f"No digest for frequency {frequency!r}")
    return STATUS_MAILS.digests_send(StatusMail.objects.filter(frequency=frequency))


def status_mails_resume(
    *, stale_after: timedelta | None = None, now: datetime | None = None
) -> int:
    """Send the immediate mails that are due: retries and what a dead worker left.

    The database task backend does not retry a task whose worker stopped, and
    mails the server refused wait for their ``next_attempt_at``; the periodic
    sweep (``resume_status_mails``, ``send_status_digests``) finishes both. Of
    a dead worker's mails only the chunk in flight can be repeated. Returns the
    mails sent. ``stale_after`` defaults to the queue's (``STATUS_MAILS``).
    """
    now = now or timezone.now()
    STATUS_MAILS.requeue_stale(now=now, stale_after=stale_after)
    update_ids = (
        StatusMail.objects.filter(
            STATUS_MAILS.due(now),
            state=StatusMail.State.QUEUED,
            frequency=Frequency.IMMEDIATE,
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


def item_full_url(item) -> str:
    agreement = item.chapter.agreement
    return agreement.get_full_url() + agreement.reverse_subpage(
        "item", args=[item.chapter.number, item.number]
    )
