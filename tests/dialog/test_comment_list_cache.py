"""A member's comment list comes from the fragment cache until the thread changes,
and one member's list is never shown to another."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from dialog.factories import CommentFactory, ForumPageFactory
from dialog.services.comments import comment_approve


@pytest.fixture
def forum(home_page, make_user):
    page = ForumPageFactory(parent=home_page, comments_mode="members")
    author = make_user("autorin")
    for number in range(3):
        CommentFactory(page=page, author=author, body=f"Beitrag {number}")
    return page


def visit(client, page, times=2):
    """The first visit sets the CSRF cookie; the list is cached from the second."""
    for _ in range(times):
        response = client.get(page.url)
        assert response.status_code == 200
    return response


def test_cached_list_needs_no_comment_query(client, forum, member_user):
    client.force_login(member_user)
    visit(client, forum)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(forum.url)

    assert "Beitrag 2" in response.text
    assert not [q for q in queries if "dialog_comment" in q["sql"]]


def test_approved_comment_shows_in_a_cached_list(
    client, forum, member_user, make_user, django_capture_on_commit_callbacks
):
    pending = CommentFactory(
        page=forum, author=make_user("neu"), body="Spät, aber da", status="pending"
    )
    client.force_login(member_user)
    assert "Spät, aber da" not in visit(client, forum).text

    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=pending, moderator=make_user("presse"))

    assert "Spät, aber da" in client.get(forum.url).text


def test_cached_list_is_not_shared_between_members(
    client, forum, member_user, make_user, members_group
):
    CommentFactory(
        page=forum, author=member_user, body="Noch nicht frei", status="pending"
    )
    client.force_login(member_user)
    own = visit(client, forum, times=3)
    other = client.__class__()
    other.force_login(make_user("karl", groups=[members_group]))

    theirs = visit(other, forum, times=3)

    assert "Noch nicht frei" in own.text
    assert "Noch nicht frei" not in theirs.text
    assert theirs.text.count('class="comment"') == 3
