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
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from functools import partial

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from .models import OutgoingMail

logger = logging.getLogger(__name__)

State = OutgoingMail.State

# Minutes to wait after the 1st, 2nd, … failed attempt; the last one repeats.
RETRY_MINUTES = [1, 5, 15, 60, 180, 360, 720]
MAX_ATTEMPTS = 10
CHUNK_SIZE = 25
STALE_AFTER = timedelta(minutes=15)
KEEP_FINISHED = timedelta(days=7)
# The builder of mails kept with their text; the account eraser looks for them.
KEPT_MAIL_BUILDER = "core.outbox.stored_message"


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


@task()
def outgoing_mail_send(mail_id: int) -> int:
    """Send one mail of the outbox right after the commit that wrote it."""
    return outgoing_mails_send(ids=[mail_id])[1]


@task()
def outgoing_mails_sweep_task() -> int:
    """The periodic sweep: retry every mail the mail server refused before."""
    return outgoing_mails_sweep()


# --- Outbox-like rows (this outbox, subscription sends) ----------------------


def rows_claim(
    *, queryset, limit: int, field: str, queued: str, sending: str
) -> list[int]:
    """Mark up to ``limit`` queued rows of ``queryset`` as sending; return their ids.

    For outbox-like models: a state ``field`` and a ``claimed_at`` timestamp.
    On PostgreSQL parallel workers skip each other's locked rows; SQLite
    serialises writers anyway. Only rows the conditional update really moved
    count as claimed, so two workers never both send one row.
    """
    model = queryset.model
    now = timezone.now()
    with transaction.atomic():
        candidates = queryset.filter(**{field: queued}).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            candidates = candidates.select_for_update(skip_locked=True)
        ids = list(candidates.values_list("pk", flat=True)[:limit])
        claimed = model.objects.filter(pk__in=ids, **{field: queued}).update(
            **{field: sending, "claimed_at": now}
        )
    if claimed == len(ids):
        return ids
    return list(
        model.objects.filter(pk__in=ids, claimed_at=now, **{field: sending})
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def rows_retry_later(
    *,
    model,
    ids: list[int],
    error: Exception,
    field: str,
    queued: str,
    sending: str,
    failed: str,
    now: datetime | None = None,
    given_up: dict | None = None,
) -> None:
    """Put claimed rows the mail server could not take back in the queue, later.

    For outbox-like models with ``attempts``, ``next_attempt_at``,
    ``claimed_at`` and ``error`` besides the state ``field``: a row waits
    ``retry_delay`` and fails after ``MAX_ATTEMPTS``,
    with the changes in ``given_up`` (the outbox drops a mail's arguments). Only
    the error's class is kept: an SMTP message can name the address. Rows no
    longer sending are left alone.
    """
    reason = type(error).__name__[:300]
    now = now or timezone.now()
    waiting = model.objects.filter(pk__in=ids, **{field: sending})
    for attempts in set(waiting.values_list("attempts", flat=True)):
        rows = waiting.filter(attempts=attempts)
        if attempts + 1 >= MAX_ATTEMPTS:
            rows.update(
                **{field: failed},
                **(given_up or {}),
                attempts=attempts + 1,
                claimed_at=None,
                error=reason,
            )
        else:
            rows.update(
                **{field: queued},
                attempts=attempts + 1,
                next_attempt_at=now + retry_delay(attempts + 1),
                claimed_at=None,
                error=reason,
            )


def chunk_send(
    *,
    claim: Callable[[int], list[int]],
    send: Callable[[list[int], object], Iterable[int]],
    mark_sent: Callable[[list[int]], None],
    chunk_size: int,
    limit: int | None = None,
    unreachable: Callable[[list[int], Exception], None] | None = None,
) -> tuple[int, int]:
    """Send claimed rows chunk by chunk over one mail connection.

    ``claim(n)`` claims up to ``n`` rows (``rows_claim``) and returns their
    ids; ``send(ids, connection)`` yields the id of each row whose mail went
    out (it records refused and skipped rows itself); ``mark_sent(ids)``
    records a chunk as sent. Marking per chunk instead of per mail saves a
    commit per mail, and a claim only ever covers the chunk in flight. A
    worker stopping or crashing mid-chunk (any ``BaseException``) first
    records what it sent, so the sweep that takes back its claims repeats
    none of it; only a hard kill can repeat that one chunk. Stops after
    ``limit`` rows, if given. When the mail server cannot be reached,
    ``unreachable(ids, error)`` gets the claimed chunk back (to retry it
    later) and sending stops; without it the error propagates and the claim
    waits for the sweep. Returns the rows handled and the mails sent.
    """
    handled = sent = 0
    mail_connection = None
    try:
        while True:
            size = chunk_size if limit is None else min(chunk_size, limit - handled)
            ids = claim(size) if size > 0 else []
            if not ids:
                break
            handled += len(ids)
            if mail_connection is None:
                mail_connection = get_connection()
                try:
                    mail_connection.open()
                except Exception as error:
                    if unreachable is None:
                        raise
                    logger.warning("Mail server unreachable: %s", type(error).__name__)
                    unreachable(ids, error)
                    break
            done = []
            try:
                for pk in send(ids, mail_connection):
                    done.append(pk)
            except BaseException:
                _mark_while_dying(mark_sent, done)
                raise
            mark_sent(done)
            sent += len(done)
    finally:
        if mail_connection is not None:
            mail_connection.close()
    return handled, sent


def _mark_while_dying(mark_sent, ids):
    try:
        mark_sent(ids)
    except Exception:  # the database may be what failed
        logger.exception("Could not record %d sent mails", len(ids))
