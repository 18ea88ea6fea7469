"""Parallel senders of one status change send every mail exactly once."""

import threading
from collections import Counter

import pytest
from django.core import mail
from django.db import connection

from news.factories import SubscriptionFactory
from tracker.factories import StatusUpdateFactory
from tracker.models import AGREEMENT_KIND, StatusMail
from tracker.services.notifications import status_mails_send

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="row locks need PostgreSQL"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_parallel_senders_send_each_status_mail_once(rent_item):
    followers = SubscriptionFactory.create_batch(150, kind=AGREEMENT_KIND)
    update = StatusUpdateFactory(item=rent_item)
    start = threading.Barrier(2)
    sent = []

    def sender():
        try:
            start.wait()
            sent.append(status_mails_send(update_id=update.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=sender) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    per_recipient = Counter(message.to[0] for message in mail.outbox)
    assert sorted(per_recipient) == sorted(f.subscriber.email for f in followers)
    assert set(per_recipient.values()) == {1}
    assert sum(sent) == 150
    assert not StatusMail.objects.exclude(state=StatusMail.State.SENT).exists()
