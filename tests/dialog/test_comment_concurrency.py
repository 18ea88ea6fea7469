"""Two requests with the same comment at the same moment store it once."""

import threading

import pytest
from django.db import connection, connections

from dialog.factories import ForumPageFactory
from dialog.models.comments import Comment
from dialog.services.comments import CommentDuplicate, comment_create

pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks need PostgreSQL"
    ),
]


def test_simultaneous_double_submit_stores_one_comment(home_page, member_user):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    barrier = threading.Barrier(2)
    outcomes = []

    def submit():
        barrier.wait()
        try:
            comment_create(page=forum, author=member_user, body="Doppelt geklickt")
            outcomes.append("stored")
        except CommentDuplicate:
            outcomes.append("duplicate")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(outcomes) == ["duplicate", "stored"]
    assert Comment.objects.count() == 1
