"""The one outbox service: every row that stands for a mail goes through it.

A mail queue is a model whose rows are mails to send (``MailQueueRow``:
attempts, next attempt, claim, sent time, error; and a state field) and a
``MailQueue`` describing it: the model, its state field and values, how rows
become an ``EmailMessage``, the chunk size and the retry schedule. Three
queues use it: the outbox of single mails below (``OutgoingMail``), page
notifications (``subscriptions``' ``Delivery``) and status mails (tracker's
``StatusMail``). For all of them this module

- claims due rows (queued → sending, ``claimed_at``) before their mail goes
  out, so a retried task or parallel workers never send a row twice;
- sends claimed rows over one mail connection, chunk by chunk, and marks them
  sent per chunk (the outbox: per mail);
- counts a failed attempt with a growing pause (``RETRY_MINUTES``) and gives
  up after ``MAX_ATTEMPTS``; a refused address (5xx) fails at once;
- takes back rows a dead worker left claimed (``requeue_stale``) and deletes
  finished rows after a while (``prune``).

The outbox of single mails: a service calls ``mail_enqueue`` inside its
transaction, so the mail is a row in the same commit as what it tells about:
a request whose transaction fails leaves no mail behind, and a committed one
never loses its mail. After the commit a task tries to send it at once; the
sweep (``manage.py send_queued_mails`` from cron) retries what the server
refused. Only a worker dying between handing a mail to the server and
marking it can repeat that one mail, once the sweep takes back rows claimed
``STALE_AFTER`` ago.
"""

import logging
import smtplib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial

from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks import task

from .models import OutgoingMail

logger = logging.getLogger(__name__)

# Minutes to wait after the 1st, 2nd, … failed attempt; the last one repeats.
RETRY_MINUTES = (1, 5, 15, 60, 180, 360, 720)
MAX_ATTEMPTS = 10
CHUNK_SIZE = 25
STALE_AFTER = timedelta(minutes=15)
KEEP_FINISHED = timedelta(days=7)
# The builder of mails kept with their text; the account eraser looks for them.
KEPT_MAIL_BUILDER = "core.outbox.stored_message"


# --- Mail errors ---------------------------------------------------------------

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
    """What a row keeps of a failure: the error's class and SMTP codes.

    Never the server's text, which names the recipient's address
    (``SMTPRecipientsRefused`` is a dict keyed by it).
    """
    codes = []
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _message in error.recipients.values()})
    elif isinstance(error, smtplib.SMTPResponseException):
        codes = [error.smtp_code]
    return " ".join([type(error).__name__, *map(str, codes)])[:300]


# --- Mail queues ---------------------------------------------------------------

Rows = list[models.Model]


@dataclass(frozen=True)
class MailQueue:
    """How the rows of one model become mails, and what happens to them.

    ``message(rows, memo)`` builds the mail for ``rows``: one row for an
    immediate mail, a recipient's rows for a digest; ``memo`` is a dict that
    lives for one send (what all its mails share, read once). ``None``: the
    rows need no mail any more and go to the ``dropped`` state.
    ``readable(rows, memo)``, if given, first picks the rows still to be
    mailed; the others are dropped too.
    """

    model: type[models.Model]
    field: str  # the state field: its values below
    queued: str
    sending: str
    sent: str
    failed: str
    dropped: str  # no mail needed any more (a page unpublished, a row deleted)
    message: Callable[[Rows, dict], EmailMessage | None]
    readable: Callable[[Rows, dict], Rows] | None = None
    related: tuple[str, ...] = ()  # select_related when rows are read
    chunk_size: int = CHUNK_SIZE
    digest_size: int = 500  # rows of one recipient claimed for one digest
    retry_minutes: tuple[int, ...] = RETRY_MINUTES
    max_attempts: int = MAX_ATTEMPTS
    stale_after: timedelta = STALE_AFTER
    keep_finished: timedelta | None = None  # prune finished rows this old
    retry_every_error: bool = False  # also a refused address or a broken builder
    mark_each: bool = False  # record each mail sent at once, not per chunk
    stamp_dropped: bool = False  # dropped rows get ``sent_at`` too
    forget: dict = field(default_factory=dict)  # changes once a row is finished

    def retry_delay(self, attempts: int) -> timedelta:
        minutes = self.retry_minutes[min(attempts, len(self.retry_minutes)) - 1]
        return timedelta(minutes=minutes)

    def due(self, now: datetime) -> models.Q:
        """Rows not waiting for a retry at ``now``."""
        return models.Q(next_attempt_at__isnull=True) | models.Q(
            next_attempt_at__lte=now
        )

    # -- states ---------------------------------------------------------------

    def claim(self, queryset, limit: int) -> list[int]:
        """Mark up to ``limit`` queued rows of ``queryset`` as sending; their ids.

        On PostgreSQL parallel workers skip each other's locked rows; SQLite
        serialises writers anyway. Only rows the conditional update really
        moved count as claimed, so two workers never both send one row.
        """
        model, state = self.model, self.field
        now = timezone.now()
        with transaction.atomic():
            candidates = queryset.filter(**{state: self.queued}).order_by("pk")
            if connection.features.has_select_for_update_skip_locked:
                candidates = candidates.select_for_update(skip_locked=True)
            ids = list(candidates.values_list("pk", flat=True)[:limit])
            claimed = model.objects.filter(pk__in=ids, **{state: self.queued}).update(
                **{state: self.sending, "claimed_at": now}
            )
        if claimed == len(ids):
            return ids
        return list(
            model.objects.filter(pk__in=ids, claimed_at=now, **{state: self.sending})
            .order_by("pk")
            .values_list("pk", flat=True)
        )

    def mark(self, ids: list[int], state: str, *, error: str = "") -> None:
        """Record claimed rows as finished in ``state`` (sent, dropped, failed)."""
        if not ids:
            return
        changes = {self.field: state, "error": error[:300], **self.forget}
        if state == self.sent or (state == self.dropped and self.stamp_dropped):
            changes["sent_at"] = timezone.now()
        self.model.objects.filter(pk__in=ids).update(**changes)

    def retry_later(
        self, ids: list[int], error: Exception, *, now: datetime | None = None
    ) -> None:
        """Put claimed rows the mail server could not take back in the queue, later.

        A row waits ``retry_delay`` and fails after ``max_attempts`` (and
        forgets what ``forget`` names). Only the error's class is kept: an
        SMTP message can name the address. Rows no longer sending are left
        alone.
        """
        reason = type(error).__name__[:300]
        now = now or timezone.now()
        waiting = self.model.objects.filter(pk__in=ids, **{self.field: self.sending})
        for attempts in set(waiting.values_list("attempts", flat=True)):
            rows = waiting.filter(attempts=attempts)
            if attempts + 1 >= self.max_attempts:
                rows.update(
                    **{self.field: self.failed},
                    **self.forget,
                    attempts=attempts + 1,
                    claimed_at=None,
                    error=reason,
                )
            else:
                rows.update(
                    **{self.field: self.queued},
                    attempts=attempts + 1,
                    next_attempt_at=now + self.retry_delay(attempts + 1),
                    claimed_at=None,
                    error=reason,
                )

    def record_failure(
        self, ids: list[int], error: Exception, *, now: datetime | None = None
    ) -> None:
        """Try later when the server is down or says so (4xx), else give up."""
        if self.retry_every_error or mail_error_is_transient(error):
            self.retry_later(ids, error, now=now)
        else:
            self.mark(ids, self.failed, error=mail_error_reason(error))

    def requeue_stale(
        self, *, now: datetime | None = None, stale_after: timedelta | None = None
    ) -> int:
        """Put rows a worker claimed ``stale_after`` ago back in the queue."""
        now = now or timezone.now()
        stale_after = self.stale_after if stale_after is None else stale_after
        return self.model.objects.filter(
            **{self.field: self.sending}, claimed_at__lt=now - stale_after
        ).update(**{self.field: self.queued}, claimed_at=None)

    def prune(self, *, now: datetime | None = None) -> int:
        """Delete finished rows written ``keep_finished`` ago; how many."""
        if self.keep_finished is None:
            return 0
        now = now or timezone.now()
        deleted, _by_model = self.model.objects.filter(
            **{f"{self.field}__in": [self.sent, self.dropped, self.failed]},
            created_at__lt=now - self.keep_finished,
        ).delete()
        return deleted

    # -- sending --------------------------------------------------------------

    def _rows(self, ids):
        return list(
            self.model.objects.filter(pk__in=ids)
            .select_related(*self.related)
            .order_by("pk")
        )

    def _readable(self, rows, memo):
        return rows if self.readable is None else self.readable(rows, memo)

    def send(
        self,
        queryset,
        *,
        limit: int | None = None,
        now: datetime | None = None,
        memo: dict | None = None,
    ) -> tuple[int, int]:
        """Send each due row of ``queryset`` as a mail of its own, in chunks.

        Over one connection (``chunk_send``); a failed mail is recorded at
        once and does not stop the others. Stops after ``limit`` rows, if
        given. Returns the rows handled and the mails sent.
        """
        now = now or timezone.now()
        memo = {} if memo is None else memo
        queryset = queryset.filter(self.due(now))

        def send(ids, mail_connection):
            rows = self._rows(ids)
            readable = {row.pk for row in self._readable(rows, memo)}
            dropped = []
            for row in rows:
                message = None
                if row.pk in readable:
                    try:
                        message = self.message([row], memo)
                        if message is not None:
                            message.connection = mail_connection
                            message.send()
                    except Exception as error:  # one mail must not stop the others
                        self._log_failure(row.pk, error)
                        self.record_failure([row.pk], error, now=now)
                        continue
                if message is None:
                    dropped.append(row.pk)
                else:
                    yield row.pk
            self.mark(dropped, self.dropped)

        return chunk_send(
            claim=lambda size: self.claim(queryset, size),
            send=send,
            mark_sent=lambda ids: self.mark(ids, self.sent),
            chunk_size=self.chunk_size,
            limit=limit,
            unreachable=lambda ids, error: self.retry_later(ids, error, now=now),
            mark_each=self.mark_each,
        )

    def digests_send(self, queryset, *, group_by: str = "subscriber_id") -> int:
        """One mail per recipient (``group_by``) with all their queued rows.

        Each row is claimed by exactly one digest, so running this twice or in
        parallel never repeats one. A digest the server defers waits for the
        next run (not for ``next_attempt_at``). Returns the mails sent.
        """
        recipients = list(
            queryset.filter(**{self.field: self.queued})
            .values_list(group_by, flat=True)
            .distinct()
            .order_by(group_by)
        )
        if not recipients:
            return 0
        sent = 0
        memo = {}
        with get_connection() as mail_connection:
            for recipient in recipients:
                ids = self.claim(
                    queryset.filter(**{group_by: recipient}), self.digest_size
                )
                rows = self._rows(ids)
                if rows:
                    sent += self._digest_send(rows, memo, mail_connection)
        return sent

    def _digest_send(self, rows, memo, mail_connection) -> int:
        readable = self._readable(rows, memo)
        readable_ids = [row.pk for row in readable]
        self.mark([row.pk for row in rows if row.pk not in readable_ids], self.dropped)
        if not readable:
            return 0
        try:
            message = self.message(readable, memo)
            if message is None:
                self.mark(readable_ids, self.dropped)
                return 0
            message.connection = mail_connection
            message.send()
        except Exception as error:  # a deferred digest waits for the next run
            self._log_failure(readable_ids[0], error)
            self.record_failure(readable_ids, error)
            return 0
        self.mark(readable_ids, self.sent)
        return 1

    def _log_failure(self, pk, error):
        logger.warning(
            "%s %s failed: %s", self.model.__name__, pk, type(error).__name__
        )


def chunk_send(
    *,
    claim: Callable[[int], list[int]],
    send: Callable[[list[int], object], Iterable[int]],
    mark_sent: Callable[[list[int]], None],
    chunk_size: int,
    limit: int | None = None,
    unreachable: Callable[[list[int], Exception], None] | None = None,
    mark_each: bool = False,
) -> tuple[int, int]:
    """Send claimed rows chunk by chunk over one mail connection.

    ``claim(n)`` claims up to ``n`` rows (``MailQueue.claim``) and returns
    their ids; ``send(ids, connection)`` yields the id of each row whose mail
    went out (it records refused and skipped rows itself); ``mark_sent(ids)``
    records a chunk as sent (with ``mark_each``: each mail as it went out).
    Marking per chunk instead of per mail saves a commit per mail, and a claim
    only ever covers the chunk in flight. A worker stopping or crashing
    mid-chunk (any ``BaseException``) first records what it sent, so the sweep
    that takes back its claims repeats none of it; only a hard kill can repeat
    that one chunk. Stops after ``limit`` rows, if given. When the mail server
    cannot be reached, ``unreachable(ids, error)`` gets the claimed chunk back
    (to retry it later) and sending stops; without it the error propagates and
    the claim waits for the sweep. Returns the rows handled and the mails sent.
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
                    if mark_each:
                        mark_sent([pk])
                        sent += 1
                    else:
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


# --- The outbox of single mails ------------------------------------------------


def outgoing_message(rows, memo) -> EmailMessage | None:
    """An outbox row's mail, built by its ``builder`` from its ``arguments``."""
    (mail,) = rows
    return import_string(mail.builder)(**mail.arguments)


OUTGOING_MAILS = MailQueue(
    model=OutgoingMail,
    field="state",
    queued=OutgoingMail.State.QUEUED,
    sending=OutgoingMail.State.SENDING,
    sent=OutgoingMail.State.SENT,
    failed=OutgoingMail.State.FAILED,
    dropped=OutgoingMail.State.DROPPED,
    message=outgoing_message,
    keep_finished=KEEP_FINISHED,
    # few mails, each a person's answer: any error is retried, each is
    # recorded as it goes out, and a finished row forgets its recipient
    retry_every_error=True,
    mark_each=True,
    stamp_dropped=True,
    forget={"arguments": {}},
)


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
            next_attempt_at=now + OUTGOING_MAILS.retry_delay(1),
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


def outgoing_mails_send(
    *, ids: list[int] | None = None, now: datetime | None = None
) -> tuple[int, int]:
    """Send up to ``CHUNK_SIZE`` due mails (of ``ids``, if given) over one connection.

    Returns how many rows were handled and how many mails went out.
    """
    queryset = OutgoingMail.objects.all()
    if ids is not None:
        queryset = queryset.filter(pk__in=ids)
    return OUTGOING_MAILS.send(queryset, limit=CHUNK_SIZE, now=now)


def outgoing_mails_sweep(
    *, now: datetime | None = None, stale_after: timedelta = STALE_AFTER
) -> int:
    """The periodic sweep: send every due mail; returns how many went out.

    Rows a dead worker left claimed for ``stale_after`` go back to the queue
    first; finished rows older than ``KEEP_FINISHED`` are deleted.
    """
    now = now or timezone.now()
    OUTGOING_MAILS.requeue_stale(now=now, stale_after=stale_after)
    total = 0
    while True:
        handled, sent = outgoing_mails_send(now=now)
        total += sent
        if not handled:
            break
    OUTGOING_MAILS.prune(now=now)
    return total


@task()
def outgoing_mail_send(mail_id: int) -> int:
    """Send one mail of the outbox right after the commit that wrote it."""
    return outgoing_mails_send(ids=[mail_id])[1]


@task()
def outgoing_mails_sweep_task() -> int:
    """The periodic sweep: retry every mail the mail server refused before."""
    return outgoing_mails_sweep()
