"""Mails that survive a mail server being down.

A service calls ``mail_enqueue`` inside its transaction, so the mail is a row
(``OutgoingMail``) in the same commit as what it tells about: a request whose
transaction fails leaves no mail behind, and a committed one never loses its
mail. After the commit a task tries to send it at once. When the mail server
refuses, the row waits with its attempt count and a later ``next_attempt_at``;
the sweep (``manage.py send_queued_mails`` from cron) tries again until
``MAX_ATTEMPTS``.

A row is claimed (queued → sending) before its mail goes out and marked sent
right after, so a retried task or parallel sweeps never send it twice. Only a
worker dying between handing the mail to the server and marking it can repeat
that one mail, once the sweep takes back rows claimed ``STALE_AFTER`` ago.
"""

import logging
from datetime import datetime, timedelta
from functools import partial

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import OutgoingMail
from .services import rows_claim, rows_retry_later

logger = logging.getLogger(__name__)

State = OutgoingMail.State

# Minutes to wait after the 1st, 2nd, … failed attempt; the last one repeats.
RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720]
MAX_ATTEMPTS = 10
CHUNK_SIZE = 25
STALE_AFTER = timedelta(minutes=15)
KEEP_FINISHED = timedelta(days=7)
# The builder of mails kept with their text; the account eraser looks for them.
KEPT_MAIL_BUILDER = "home.outbox.stored_message"


def mail_enqueue(*, builder: str, **arguments) -> OutgoingMail:
    """Record a mail in the current transaction and send it after the commit.

    ``builder`` is the dotted path of a function that takes ``arguments``
    (ids, JSON) and returns the ``EmailMessage``, or ``None`` when the mail is
    no longer needed (its registration deleted meanwhile).
    """
    mail = OutgoingMail.objects.create(builder=builder, arguments=arguments)
    # robust: a queue that cannot take the task must not fail a committed
    # request; the sweep sends the mail later.
    transaction.on_commit(partial(_enqueue_send, mail.pk), robust=True)
    return mail


def message_send_or_keep(message: EmailMessage) -> bool:
    """Send a mail that cannot be built again later; keep it if the server refuses.

    For mails rendered by code we do not own (allauth's account mails with
    their links): sent at once as before, and only when that fails stored
    with its text in the outbox, where the sweep retries it. The text is
    deleted once the mail is sent or given up. Returns whether it went out.
    """
    try:
        message.send()
    except Exception as error:  # noqa: BLE001 - the server is down: try later
        logger.warning("Mail not sent (%s), kept for a retry", type(error).__name__)
        now = timezone.now()
        OutgoingMail.objects.create(
            builder=KEPT_MAIL_BUILDER,
            arguments={
                "subject": message.subject,
                "body": message.body,
                "from_email": message.from_email,
                "to": list(message.to),
                "headers": dict(message.extra_headers),
                "alternatives": [
                    [content, mimetype]
                    for content, mimetype in getattr(message, "alternatives", [])
                ],
            },
            attempts=1,
            next_attempt_at=now + retry_delay(1),
            error=type(error).__name__,
        )
        return False
    return True


def stored_message(
    *, subject, body, from_email, to, headers, alternatives
) -> EmailMultiAlternatives:
    """The builder of mails kept with their text (``message_send_or_keep``)."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, headers=headers
    )
    for content, mimetype in alternatives:
        message.attach_alternative(content, mimetype)
    return message


def _enqueue_send(mail_id):
    from .tasks import outgoing_mail_send

    outgoing_mail_send.enqueue(mail_id=mail_id)


def retry_delay(attempts: int) -> timedelta:
    return timedelta(minutes=RETRY_MINUTES[min(attempts, len(RETRY_MINUTES)) - 1])


def outgoing_mails_send(
    *, ids: list[int] | None = None, now: datetime | None = None
) -> tuple[int, int]:
    """Send up to ``CHUNK_SIZE`` due mails (of ``ids``, if given) over one connection.

    Returns how many rows were handled and how many mails went out.
    """
    now = now or timezone.now()
    queryset = OutgoingMail.objects.filter(next_attempt_at__lte=now)
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    claimed = rows_claim(
        queryset=queryset,
        limit=CHUNK_SIZE,
        field="state",
        queued=State.QUEUED,
        sending=State.SENDING,
    )
    if not claimed:
        return 0, 0
    connection = get_connection()
    try:
        connection.open()
    except Exception as error:  # noqa: BLE001 - the server is down: try later
        logger.warning("Mail server unreachable, %d mails wait", len(claimed))
        _retry_later(claimed, error=error, now=now)
        return len(claimed), 0
    sent = 0
    try:
        for mail in OutgoingMail.objects.filter(pk__in=claimed).order_by("pk"):
            sent += _send_one(mail, connection=connection, now=now)
    finally:
        connection.close()
    return len(claimed), sent


def _send_one(mail, *, connection, now) -> int:
    try:
        message = import_string(mail.builder)(**mail.arguments)
        if message is not None:
            message.connection = connection
            message.send()
    except Exception as error:  # noqa: BLE001 - one mail must not stop the others
        logger.warning("Outgoing mail %s failed: %s", mail.pk, type(error).__name__)
        _retry_later([mail.pk], error=error, now=now)
        return 0
    state = State.DROPPED if message is None else State.SENT
    OutgoingMail.objects.filter(pk=mail.pk, state=State.SENDING).update(
        state=state, sent_at=timezone.now(), error="", arguments={}
    )
    return int(message is not None)


def _retry_later(ids, *, error, now):
    """Count a failed attempt; wait longer each time, give up after the last
    (and forget the mail's arguments: they name the recipient)."""
    rows_retry_later(
        model=OutgoingMail,
        ids=ids,
        error=error,
        field="state",
        queued=State.QUEUED,
        sending=State.SENDING,
        failed=State.FAILED,
        now=now,
        given_up={"arguments": {}},
    )


def outgoing_mails_sweep(
    *, now: datetime | None = None, stale_after: timedelta = STALE_AFTER
) -> int:
    """The periodic sweep: send every due mail; returns how many went out.

    Rows a dead worker left claimed for ``stale_after`` go back to the queue
    first; finished rows older than ``KEEP_FINISHED`` are deleted.
    """
    now = now or timezone.now()
    OutgoingMail.objects.filter(
        state=State.SENDING, claimed_at__lt=now - stale_after
    ).update(state=State.QUEUED, claimed_at=None)
    total = 0
    while True:
        handled, sent = outgoing_mails_send(now=now)
        total += sent
        if not handled:
            break
    OutgoingMail.objects.filter(
        state__in=[State.SENT, State.DROPPED, State.FAILED],
        created_at__lt=now - KEEP_FINISHED,
    ).delete()
    return total
