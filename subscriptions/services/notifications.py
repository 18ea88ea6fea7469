"""Telling subscribers about newly published pages, at once or in a digest.

Publishing only records a ``PageNotification`` and enqueues a task after the
commit; the task finds the recipients and writes one ``Delivery`` per
subscriber and page (unique), then batch tasks send them. A delivery is
claimed (queued → sending) before its mail goes out and marked sent right
after its chunk, so re-run, parallel or resumed tasks never send a page twice.
Deliveries are a queue of the one outbox service (``DELIVERIES``,
``core.outbox``): a mail server that is down or says "try later" puts them
back in the queue with a growing pause, as the outbox's mails; the resume
sweep sends them. Only the mails of the chunk in flight when a worker dies
can be repeated after the sweep, and only when it is killed hard: a worker
that stops or crashes with an exception first records what it sent.
"""

from datetime import timedelta

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import Page, PageViewRestriction

from core.outbox import MailQueue
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

BATCH_SIZE = 500


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


def _still_sendable(page):
    """A page unpublished or password-protected since publishing is not sent."""
    return page.live and not any(
        r.restriction_type == PageViewRestriction.PASSWORD
        for r in page.get_view_restrictions()
    )


def _readable_deliveries(deliveries, memo):
    """The deliveries still to be mailed: live pages the subscriber may read.

    A page unpublished or password-protected since, or a members-only page
    for a subscriber no longer a verified member, is skipped. ``memo`` keeps
    each page (and whether it is members-only) for the whole send.
    """
    pages = memo.setdefault("pages", {})
    missing = {d.page_id for d in deliveries} - pages.keys()
    if missing:
        found = {
            page.pk: page for page in Page.objects.filter(pk__in=missing).specific()
        }
        for page_id in missing:
            page = found.get(page_id)
            if page is not None and _still_sendable(page):
                pages[page_id] = (page, page.get_view_restrictions().exists())
            else:
                pages[page_id] = None
    readable = []
    for delivery in deliveries:
        known = pages[delivery.page_id]
        if known is None:
            continue
        _page, members_only = known
        if members_only and not is_verified_member(delivery.subscriber.user):
            continue
        readable.append(delivery)
    return readable


def delivery_message(deliveries, memo) -> EmailMultiAlternatives:
    """The mail of a subscriber's deliveries: one page at once, or a digest."""
    subscriber = deliveries[0].subscriber
    pages = [memo["pages"][d.page_id][0] for d in deliveries]
    frequency = deliveries[0].frequency
    if frequency == Frequency.IMMEDIATE:
        (page,) = pages
        rendered = memo.setdefault(("rendered", page.pk), {})
        return notification_message(page=page, subscriber=subscriber, rendered=rendered)
    return digest_message(subscriber=subscriber, frequency=frequency, pages=pages)


# Page notifications through the one outbox service: deliveries of a page are
# sent in chunks of 25, a mail the server defers is retried as the outbox's
# mails are, a subscriber's digest takes up to 1000 pages.
DELIVERIES = MailQueue(
    model=Delivery,
    field="status",
    queued=Delivery.Status.QUEUED,
    sending=Delivery.Status.SENDING,
    sent=Delivery.Status.SENT,
    failed=Delivery.Status.FAILED,
    dropped=Delivery.Status.SKIPPED,
    message=delivery_message,
    readable=_readable_deliveries,
    related=("subscriber__user",),
    digest_size=1000,
)


def notification_send_batch(
    *, notification_id: int, batch_size: int = BATCH_SIZE
) -> int:
    """Send up to ``batch_size`` of a page's immediate mails over one connection.

    Deliveries are claimed and marked sent in chunks (``DELIVERIES``,
    ``core.outbox``): a worker dying mid-chunk can repeat at most that
    chunk. Returns how many deliveries were handled.
    """
    if not PageNotification.objects.filter(pk=notification_id).exists():
        return 0
    handled, _sent = DELIVERIES.send(
        Delivery.objects.filter(
            notification_id=notification_id, frequency=Frequency.IMMEDIATE
        ),
        limit=batch_size,
    )
    notification_progress_update(notification_id=notification_id)
    return handled


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


def notifications_stale_reset(*, stale_after: timedelta | None = None) -> list[int]:
    """Put deliveries claimed long ago back in the queue; return stale sends.

    Runs in the caller's transaction; the caller enqueues the fan-out of each
    returned send again (``subscriptions.tasks.notifications_resume``).
    ``stale_after`` defaults to the queue's (``DELIVERIES``).
    """
    stale_after = DELIVERIES.stale_after if stale_after is None else stale_after
    now = timezone.now()
    cutoff = now - stale_after
    DELIVERIES.requeue_stale(now=now, stale_after=stale_after)
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
    deliveries = Delivery.objects.filter(frequency=frequency)
    notification_ids = list(
        deliveries.filter(status=Delivery.Status.QUEUED)
        .values_list("notification_id", flat=True)
        .distinct()
    )
    sent = DELIVERIES.digests_send(deliveries)
    for notification_id in notification_ids:
        notification_progress_update(notification_id=notification_id)
    return sent


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
