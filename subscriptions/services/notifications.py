"""Telling subscribers about newly published pages, at once or in a digest.

Publishing only records a ``PageNotification`` and enqueues a task after the
commit; the task finds the recipients and writes one ``Delivery`` per
subscriber and page (unique), then batch tasks send them. A delivery is
claimed (queued → sending) before its mail goes out and marked sent right
after its chunk, so re-run, parallel or resumed tasks never send a page twice.
A mail server that is down or says "try later" puts deliveries back in the
queue with a growing pause (as the outbox does); the resume sweep sends them.
Only the mails of the chunk in flight (``CHUNK_SIZE``) when a worker dies can
be repeated after the sweep, and only when it is killed hard: a worker that
stops or crashes with an exception first records what it sent.
"""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Page, PageViewRestriction

from core.outbox import chunk_send, rows_claim, rows_retry_later
from core.people import MEMBERS_GROUP_NAME, is_verified_member
from home.models import DistrictPage

from ..models import (
    FREQUENCY_RANK,
    Delivery,
    Frequency,
    PageNotification,
    Subscriber,
    Subscription,
)
from ..registry import kind_label, kind_of_page
from .subscriptions import subscriber_links, unsubscribe_headers

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
CHUNK_SIZE = 25
STALE_AFTER = timedelta(minutes=15)


def page_kind(page: Page) -> str | None:
    """The content kind subscribers follow for ``page``; ``None``: nobody."""
    return kind_of_page(page)


def page_district_ids(page: Page) -> set[int]:
    """The districts ``page`` is filed under: its district field or an ancestor."""
    ids = set()
    if getattr(page, "district_id", None):
        ids.add(page.district_id)
    ancestor_paths = [
        page.path[:end] for end in range(Page.steplen, len(page.path), Page.steplen)
    ]
    ids.update(
        DistrictPage.objects.filter(path__in=ancestor_paths).values_list(
            "pk", flat=True
        )
    )
    return ids


def notification_create(*, page: Page) -> PageNotification | None:
    """Record the send of a page's first publication; ``None``: nothing to send.

    Republishing, a translation of a page already sent, and pages nobody can
    follow record nothing. The caller enqueues the fan-out after the commit
    (``subscriptions.tasks.notification_start``).
    """
    if not page.live or page_kind(page) is None:
        return None
    if page.first_published_at != page.last_published_at:
        return None  # published before: this is a republication
    with transaction.atomic():
        if PageNotification.objects.filter(
            page__translation_key=page.translation_key
        ).exists():
            return None
        notification, created = PageNotification.objects.get_or_create(page=page)
    return notification if created else None


def notification_recipients(*, page: Page) -> dict[int, str]:
    """Subscriber ids that follow ``page`` and may read it, with their frequency.

    A subscriber following the page through several targets gets the most
    immediate frequency. A page with a view restriction only goes to verified
    members (active accounts in the members group, the queryset form of
    ``core.people.is_verified_member``) who also pass every group
    restriction; a password-protected page goes to nobody.
    """
    kind = page_kind(page)
    topic_keys = (
        list(page.topics.values_list("translation_key", flat=True))
        if hasattr(page, "topics")
        else []
    )
    subscriptions = Subscription.objects.matching(
        kind=kind, topic_keys=topic_keys, district_ids=page_district_ids(page)
    )
    restrictions = list(page.get_view_restrictions().prefetch_related("groups"))
    if restrictions:
        if any(
            r.restriction_type == PageViewRestriction.PASSWORD for r in restrictions
        ):
            return {}
        subscriptions = subscriptions.filter(
            subscriber__user__is_active=True,
            subscriber__user__groups__name=MEMBERS_GROUP_NAME,
        )
        for restriction in restrictions:
            if restriction.restriction_type == PageViewRestriction.GROUPS:
                subscriptions = subscriptions.filter(
                    subscriber__user__groups__in=list(restriction.groups.all())
                )
    recipients = {}
    for subscriber_id, frequency in subscriptions.values_list(
        "subscriber_id", "frequency"
    ):
        known = recipients.get(subscriber_id)
        if known is None or FREQUENCY_RANK[frequency] < FREQUENCY_RANK[known]:
            recipients[subscriber_id] = frequency
    return recipients


def notification_recipients_write(*, notification_id: int) -> int:
    """Write the deliveries of a send (once); return the immediate mails open.

    Runs in the caller's transaction and locks the send's row, so recipients
    are found only once however often the fan-out runs.
    """
    notification = (
        PageNotification.objects.select_for_update().filter(pk=notification_id).first()
    )
    if notification is None:
        return 0
    if notification.recipients_found_at is None:
        page = Page.objects.get(pk=notification.page_id).specific
        recipients = notification_recipients(page=page)
        Delivery.objects.bulk_create(
            [
                Delivery(
                    notification=notification,
                    subscriber_id=subscriber_id,
                    page_id=page.pk,
                    frequency=frequency,
                )
                for subscriber_id, frequency in recipients.items()
            ],
            batch_size=1000,
            ignore_conflicts=True,
        )
        now = timezone.now()
        notification.recipients_found_at = now
        notification.started_at = now
        notification.status = PageNotification.Status.SENDING
        notification.save(update_fields=["recipients_found_at", "started_at", "status"])
    return _immediate_open(notification).count()


def _immediate_open(notification):
    return notification.deliveries.filter(
        frequency=Frequency.IMMEDIATE,
        status__in=[Delivery.Status.QUEUED, Delivery.Status.SENDING],
    )


def deliveries_claim(
    *,
    queryset,
    limit: int,
    field: str = "status",
    queued: str = Delivery.Status.QUEUED,
    sending: str = Delivery.Status.SENDING,
) -> list[int]:
    """Mark up to ``limit`` queued rows of ``queryset`` as sending; return their ids.

    For deliveries and any outbox-like model with a state ``field`` and a
    ``claimed_at`` timestamp (the tracker's status mails); see
    ``core.outbox.rows_claim``.
    """
    return rows_claim(
        queryset=queryset, limit=limit, field=field, queued=queued, sending=sending
    )


def notification_send_batch(
    *, notification_id: int, batch_size: int = BATCH_SIZE
) -> int:
    """Send up to ``batch_size`` of a page's immediate mails over one connection.

    Deliveries are claimed and marked sent in chunks of ``CHUNK_SIZE``
    (``core.outbox.chunk_send``): a worker dying mid-chunk can repeat at
    most that chunk. Returns how many deliveries were handled.
    """
    notification = PageNotification.objects.filter(pk=notification_id).first()
    if notification is None:
        return 0
    queryset = notification.deliveries.filter(
        Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=timezone.now()),
        frequency=Frequency.IMMEDIATE,
    )
    known = {}  # the page, read once the first chunk is claimed

    def send(ids, mail_connection):
        if not known:
            page = Page.objects.get(pk=notification.page_id).specific
            known.update(
                page=page,
                sendable=_still_sendable(page),
                members_only=page.get_view_restrictions().exists(),
                rendered={},
            )
        if not known["sendable"]:
            _mark(ids, Delivery.Status.SKIPPED)
            return
        deliveries = (
            Delivery.objects.filter(pk__in=ids)
            .select_related("subscriber__user")
            .order_by("pk")
        )
        for delivery in deliveries:
            if _deliver(
                delivery,
                page=known["page"],
                members_only=known["members_only"],
                mail_connection=mail_connection,
                rendered=known["rendered"],
            ):
                yield delivery.pk

    handled, _sent = chunk_send(
        claim=lambda limit: deliveries_claim(queryset=queryset, limit=limit),
        send=send,
        mark_sent=lambda ids: _mark(ids, Delivery.Status.SENT),
        chunk_size=CHUNK_SIZE,
        limit=batch_size,
        unreachable=_retry_later,
    )
    notification_progress_update(notification_id=notification_id)
    return handled


def _still_sendable(page):
    """A page unpublished or password-protected since publishing is not sent."""
    return page.live and not any(
        r.restriction_type == PageViewRestriction.PASSWORD
        for r in page.get_view_restrictions()
    )


def _deliver(delivery, *, page, members_only, mail_connection, rendered) -> bool:
    """Send one mail; a refused or failed one is recorded at once."""
    subscriber = delivery.subscriber
    if members_only and not is_verified_member(subscriber.user):
        _mark([delivery.pk], Delivery.Status.SKIPPED)
        return False
    try:
        message = notification_message(
            page=page, subscriber=subscriber, rendered=rendered
        )
        message.connection = mail_connection
        message.send()
    except Exception as error:  # one failed address must not stop the batch
        logger.warning("Notification mail to subscriber %s failed", subscriber.pk)
        _record_failure([delivery.pk], error)
        return False
    return True


_TRANSIENT = (
    ConnectionError,
    TimeoutError,
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
)


def mail_error_is_transient(error: Exception) -> bool:
    """A mail server down, gone or saying "try later" (4xx), not a bad address."""
    if isinstance(error, _TRANSIENT):
        return True
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = [code for code, _message in error.recipients.values()]
        return bool(codes) and all(400 <= code < 500 for code in codes)
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return False


def mail_error_reason(error: Exception) -> str:
    """What a delivery keeps of a failure: the error's class and SMTP codes.

    Never the server's text, which names the recipient's address
    (``SMTPRecipientsRefused`` is a dict keyed by it).
    """
    codes = []
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _message in error.recipients.values()})
    elif isinstance(error, smtplib.SMTPResponseException):
        codes = [error.smtp_code]
    return " ".join([type(error).__name__, *map(str, codes)])[:300]


def _retry_later(ids, error):
    """Deliveries the mail server could not take go back to the queue, later.

    They wait and are given up as the outbox's mails are
    (``core.outbox.rows_retry_later``); the resume sweep
    (``resume_notifications``) sends them again.
    """
    rows_retry_later(
        model=Delivery,
        ids=ids,
        error=error,
        field="status",
        queued=Delivery.Status.QUEUED,
        sending=Delivery.Status.SENDING,
        failed=Delivery.Status.FAILED,
    )


def _record_failure(ids, error):
    """Try later when the server is down or says so (4xx), else give up."""
    if mail_error_is_transient(error):
        _retry_later(ids, error)
    else:
        _mark(ids, Delivery.Status.FAILED, error=mail_error_reason(error))


def _mark(ids, status, *, error=""):
    if not ids:
        return
    changes = {"status": status, "error": error[:300]}
    if status == Delivery.Status.SENT:
        changes["sent_at"] = timezone.now()
    Delivery.objects.filter(pk__in=ids).update(**changes)


def page_intro(page: Page) -> str:
    for name in ("summary", "teaser", "listing_summary", "search_description"):
        text = getattr(page, name, "")
        if text:
            return text
    return ""


# Stand-ins for the per-subscriber links: the page's part of a mail is rendered
# once per language and batch, the links are put in per recipient.
_LINK_SLOTS = {
    "settings_url": "@@settings_url@@",
    "unsubscribe_url": "@@unsubscribe_url@@",
}


def notification_message(
    *, page: Page, subscriber: Subscriber, rendered: dict | None = None
) -> EmailMultiAlternatives:
    """The mail announcing ``page`` to one subscriber, in their language.

    ``rendered`` is a cache the caller keeps for one page (a batch).
    """
    rendered = {} if rendered is None else rendered
    if subscriber.language not in rendered:
        rendered[subscriber.language] = _notification_parts(
            page=page, language=subscriber.language
        )
    subject, text, html = rendered[subscriber.language]
    links = subscriber_links(subscriber=subscriber)

    def fill(template):
        for name, slot in _LINK_SLOTS.items():
            template = template.replace(slot, links[name])
        return template

    message = EmailMultiAlternatives(
        subject=subject,
        body=fill(text),
        to=[subscriber.email],
        headers=unsubscribe_headers(unsubscribe_url=links["unsubscribe_url"]),
    )
    message.attach_alternative(fill(html), "text/html")
    return message


def _notification_parts(*, page, language):
    with translation.override(language):
        context = {
            "page": page,
            "page_url": page.get_full_url(),
            "intro": page_intro(page),
            "kind": kind_label(page_kind(page)),
            **_LINK_SLOTS,
        }
        subject = render_to_string(
            "subscriptions/mails/notification_subject.txt", context
        )
        return (
            " ".join(subject.split()),
            render_to_string("subscriptions/mails/notification.txt", context),
            render_to_string("subscriptions/mails/notification.html", context),
        )


def notification_progress_update(*, notification_id: int) -> None:
    """Recount a send's deliveries; it is done when no immediate mail is open."""
    counts = {
        (row["status"], row["frequency"]): row["n"]
        for row in Delivery.objects.filter(notification_id=notification_id)
        .values("status", "frequency")
        .annotate(n=Count("pk"))
    }

    def total(status=None, *, immediate=None):
        return sum(
            n
            for (s, f), n in counts.items()
            if (status is None or s in status)
            and (immediate is None or (f == Frequency.IMMEDIATE) == immediate)
        )

    open_statuses = {Delivery.Status.QUEUED, Delivery.Status.SENDING}
    now = timezone.now()
    changes = {
        "total": total(),
        "sent": total({Delivery.Status.SENT}),
        "failed": total({Delivery.Status.FAILED}),
        "in_digest": total(open_statuses, immediate=False),
        "progressed_at": now,
    }
    PageNotification.objects.filter(pk=notification_id).update(**changes)
    if total(open_statuses, immediate=True) == 0:
        PageNotification.objects.filter(
            pk=notification_id,
            recipients_found_at__isnull=False,
            status=PageNotification.Status.SENDING,
        ).update(status=PageNotification.Status.DONE, finished_at=now)


def notifications_stale_reset(*, stale_after: timedelta = STALE_AFTER) -> list[int]:
    """Put deliveries claimed long ago back in the queue; return stale sends.

    Runs in the caller's transaction; the caller enqueues the fan-out of each
    returned send again (``subscriptions.tasks.notifications_resume``).
    """
    cutoff = timezone.now() - stale_after
    Delivery.objects.filter(
        status=Delivery.Status.SENDING, claimed_at__lt=cutoff
    ).update(status=Delivery.Status.QUEUED, claimed_at=None)
    stale = list(
        PageNotification.objects.filter(
            status__in=[
                PageNotification.Status.PENDING,
                PageNotification.Status.SENDING,
            ],
            progressed_at__lt=cutoff,
        ).values_list("pk", flat=True)
    )
    PageNotification.objects.filter(pk__in=stale).update(progressed_at=timezone.now())
    return stale


def digests_send(*, frequency: str) -> int:
    """Send every subscriber their pending pages of ``frequency`` in one mail.

    Each pending delivery is claimed by exactly one digest, so running this
    twice (or in parallel) never repeats a page. Returns the mails sent.
    """
    if frequency not in (Frequency.DAILY, Frequency.WEEKLY):
        raise ValueError(f"No digest for frequency {frequency!r}")
    subscriber_ids = list(
        Delivery.objects.filter(frequency=frequency, status=Delivery.Status.QUEUED)
        .values_list("subscriber_id", flat=True)
        .distinct()
        .order_by("subscriber_id")
    )
    sent = 0
    notification_ids = set()
    with get_connection() as mail_connection:
        for subscriber_id in subscriber_ids:
            sent += _digest_send_one(
                subscriber_id=subscriber_id,
                frequency=frequency,
                mail_connection=mail_connection,
                touched=notification_ids,
            )
    for notification_id in notification_ids:
        notification_progress_update(notification_id=notification_id)
    return sent


def _digest_send_one(*, subscriber_id, frequency, mail_connection, touched):
    ids = deliveries_claim(
        queryset=Delivery.objects.filter(
            subscriber_id=subscriber_id, frequency=frequency
        ),
        limit=1000,
    )
    if not ids:
        return 0
    deliveries = list(
        Delivery.objects.filter(pk__in=ids)
        .select_related("subscriber__user")
        .order_by("pk")
    )
    touched.update(d.notification_id for d in deliveries)
    subscriber = deliveries[0].subscriber
    pages = {
        page.pk: page
        for page in Page.objects.filter(pk__in=[d.page_id for d in deliveries])
        .live()
        .specific()
    }
    readable, skipped = [], []
    for delivery in deliveries:
        page = pages.get(delivery.page_id)
        if page is None or not _still_sendable(page):
            skipped.append(delivery.pk)
        elif page.get_view_restrictions().exists() and not is_verified_member(
            subscriber.user
        ):
            skipped.append(delivery.pk)
        else:
            readable.append((delivery, page))
    if skipped:
        _mark(skipped, Delivery.Status.SKIPPED)
    if not readable:
        return 0
    claimed = [delivery.pk for delivery, _page in readable]
    try:
        message = digest_message(
            subscriber=subscriber,
            frequency=frequency,
            pages=[page for _delivery, page in readable],
        )
        message.connection = mail_connection
        message.send()
    except Exception as error:
        logger.warning("Digest mail to subscriber %s failed", subscriber.pk)
        _record_failure(claimed, error)  # a deferred digest waits for the next one
        return 0
    _mark(claimed, Delivery.Status.SENT)
    return 1


def digest_message(
    *, subscriber: Subscriber, frequency: str, pages: list[Page]
) -> EmailMultiAlternatives:
    links = subscriber_links(subscriber=subscriber)
    with translation.override(subscriber.language):
        entries = [
            {
                "page": page,
                "url": page.get_full_url(),
                "intro": page_intro(page),
                "kind": kind_label(page_kind(page)),
            }
            for page in pages
        ]
        context = {
            "entries": entries,
            "frequency": frequency,
            "is_daily": frequency == Frequency.DAILY,
            **links,
        }
        subject = (
            gettext("Your daily digest")
            if frequency == Frequency.DAILY
            else gettext("Your weekly digest")
        )
        message = EmailMultiAlternatives(
            subject=subject,
            body=render_to_string("subscriptions/mails/digest.txt", context),
            to=[subscriber.email],
            headers=unsubscribe_headers(unsubscribe_url=links["unsubscribe_url"]),
        )
        message.attach_alternative(
            render_to_string("subscriptions/mails/digest.html", context),
            "text/html",
        )
    return message
