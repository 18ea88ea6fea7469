"""``core.outbox.chunk_send``: the one chunked send loop of every mail queue.

Exercised on outbox rows (any model with a state and ``claimed_at`` fits);
news notifications and tracker status mails use it through their own tests.
"""

import pytest
from django.core import mail
from django.core.mail import EmailMessage

from core.models import OutgoingMail
from core.outbox import OUTGOING_MAILS, chunk_send
from tests.portal.faults import DyingWorker, WorkerKilled

pytestmark = pytest.mark.django_db

State = OutgoingMail.State


@pytest.fixture
def rows():
    return [
        OutgoingMail.objects.create(builder="x", arguments={"to": f"p{n}@example.org"})
        for n in range(7)
    ]


def claim(limit):
    return OUTGOING_MAILS.claim(OutgoingMail.objects.all(), limit)


def send(ids, connection):
    for row in OutgoingMail.objects.filter(pk__in=ids).order_by("pk"):
        EmailMessage(
            "Hallo", "Text", to=[row.arguments["to"]], connection=connection
        ).send()
        yield row.pk


def mark_sent(ids):
    OutgoingMail.objects.filter(pk__in=ids).update(state=State.SENT)


def states():
    return list(OutgoingMail.objects.order_by("pk").values_list("state", flat=True))


def test_sends_every_claimed_row_once_in_chunks(rows):
    chunks = []

    def recording_send(ids, connection):
        chunks.append(len(ids))
        yield from send(ids, connection)

    handled, sent = chunk_send(
        claim=claim, send=recording_send, mark_sent=mark_sent, chunk_size=3
    )

    assert (handled, sent) == (7, 7)
    assert chunks == [3, 3, 1]
    assert len(mail.outbox) == 7
    assert set(states()) == {State.SENT}


def test_stops_after_the_limit_and_leaves_the_rest_queued(rows):
    handled, sent = chunk_send(
        claim=claim, send=send, mark_sent=mark_sent, chunk_size=3, limit=4
    )

    assert (handled, sent) == (4, 4)
    assert states() == [State.SENT] * 4 + [State.QUEUED] * 3


def test_rows_not_yielded_are_not_marked_sent(rows):
    def send_odd(ids, connection):
        yield from (pk for pk in ids if pk % 2)

    handled, sent = chunk_send(
        claim=claim, send=send_odd, mark_sent=mark_sent, chunk_size=25
    )

    assert handled == 7
    assert sent == sum(1 for row in rows if row.pk % 2)
    assert OutgoingMail.objects.filter(state=State.SENDING).count() == 7 - sent


def test_a_worker_dying_mid_chunk_records_what_it_sent(rows, settings):
    DyingWorker(settings).dies_after(4)

    with pytest.raises(WorkerKilled):
        chunk_send(claim=claim, send=send, mark_sent=mark_sent, chunk_size=3)

    # the first chunk and one mail of the second went out and are recorded;
    # the rest of the second chunk stays claimed for the sweep, the third
    # was never claimed
    assert states() == [State.SENT] * 4 + [State.SENDING] * 2 + [State.QUEUED]


def test_a_database_failing_while_dying_does_not_hide_the_cause(rows, settings):
    DyingWorker(settings).dies_after(1)

    def broken_mark_sent(ids):
        if ids:
            raise RuntimeError("database gone")

    with pytest.raises(WorkerKilled):
        chunk_send(claim=claim, send=send, mark_sent=broken_mark_sent, chunk_size=3)


def test_nothing_to_claim_opens_no_connection(settings):
    settings.EMAIL_BACKEND = "tests.core.test_chunk_send.UnusableBackend"

    assert chunk_send(claim=claim, send=send, mark_sent=mark_sent, chunk_size=3) == (
        0,
        0,
    )


class UnusableBackend:
    def __init__(self, *args, **kwargs):
        raise AssertionError("no connection wanted")
