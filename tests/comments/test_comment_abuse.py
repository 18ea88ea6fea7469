"""Limits against abuse: length, pace and repeated text."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from comments.factories import CommentFactory
from comments.models import Comment
from dialog.factories import ForumPageFactory


@pytest.fixture
def forum(home_page):
    return ForumPageFactory(
        parent=home_page, comments_mode="members", moderation="post"
    )


def write(client, page, body):
    return client.post(
        reverse("comments:comment_create", args=[page.pk]), {"body": body}
    )


def test_too_long_comment_is_refused_with_a_german_error(client, member_user, forum):
    client.force_login(member_user)
    text = "a" * 3001

    response = write(client, forum, text)

    assert response.status_code == 400
    assert "höchstens 3000 Zeichen" in response.text
    assert text in response.text
    assert not Comment.objects.exists()


def test_empty_comment_is_refused(client, member_user, forum):
    client.force_login(member_user)

    response = write(client, forum, "   ")

    assert response.status_code == 400
    assert "Bitte schreibe einen Kommentar." in response.text


def test_sixth_comment_within_ten_minutes_is_refused(client, member_user, forum):
    for number in range(5):
        CommentFactory(page=forum, author=member_user, body=f"Beitrag {number}")
    client.force_login(member_user)

    response = write(client, forum, "Noch einer")

    assert response.status_code == 429
    assert "Bitte warte kurz" in response.text
    assert "Noch einer" in response.text
    assert Comment.objects.count() == 5


def test_rate_limit_counts_only_the_last_ten_minutes(client, member_user, forum):
    earlier = timezone.now() - timedelta(minutes=11)
    for number in range(5):
        CommentFactory(
            page=forum, author=member_user, body=f"Alt {number}", created_at=earlier
        )
    client.force_login(member_user)

    response = write(client, forum, "Wieder da")

    assert response.status_code == 302


def test_same_text_again_is_not_stored_twice(client, member_user, forum):
    client.force_login(member_user)

    write(client, forum, "Mietendeckel jetzt!")
    response = write(client, forum, "  mietendeckel   JETZT! ")

    first = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#kommentar-{first.pk}")
    assert Comment.objects.count() == 1


def test_duplicate_message_is_shown_in_german(client, member_user, forum):
    client.force_login(member_user)
    write(client, forum, "Mietendeckel jetzt!")

    response = write(client, forum, "Mietendeckel jetzt!")
    page = client.get(response["Location"])

    assert "Diesen Kommentar hast du hier schon geschrieben." in page.text


def test_same_text_a_day_later_is_allowed(client, member_user, forum):
    CommentFactory(
        page=forum,
        author=member_user,
        body="Jeden Montag wieder",
        created_at=timezone.now() - timedelta(hours=25),
    )
    client.force_login(member_user)

    response = write(client, forum, "Jeden Montag wieder")

    assert response.status_code == 302
    assert Comment.objects.count() == 2
