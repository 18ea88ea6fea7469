"""A member's comment list comes from the fragment cache until the thread changes;
members without own comments on the page share one render, and one member's
personal bits (pending comments, edit and delete buttons, CSRF token) are never
shown to another."""

import re

import pytest
from django.db import connection
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from comments.factories import CommentFactory
from comments.services import (
    comment_approve,
    comment_delete,
    comment_edit,
    comment_hide,
)
from dialog.factories import ForumPageFactory
from members.services.accounts import profile_update
from members.services.privacy import account_erase

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


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


def comment_queries(client, page):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return response, [q for q in queries if "dialog_comment" in q["sql"]]


def member_client(user):
    browser = Client()
    browser.force_login(user)
    return browser


def test_cached_list_needs_only_the_own_comments_check(client, forum, member_user):
    client.force_login(member_user)
    visit(client, forum)

    response, queries = comment_queries(client, forum)

    assert "Beitrag 2" in response.text
    assert len(queries) == 1  # does the reader have comments here?


def test_members_without_own_comments_share_one_render(
    forum, member_user, make_user, members_group
):
    visit(member_client(member_user), forum, times=1)
    first_visit = member_client(make_user("karl", groups=[members_group]))

    response, queries = comment_queries(first_visit, forum)

    assert response.text.count('class="comment"') == 3
    assert len(queries) == 1


def test_shared_list_carries_each_readers_own_csrf_token(
    forum, member_user, make_user, members_group
):
    readers = [
        member_client(member_user),
        member_client(make_user("karl", groups=[members_group])),
    ]
    for reader in readers:
        response = visit(reader, forum, times=1)
        secret = reader.cookies["csrftoken"].value
        tokens = TOKEN.findall(response.text)

        assert len(tokens) > 3  # logout, new comment and a reply form each
        assert {_unmask_cipher_token(token) for token in tokens} == {secret}
    assert "portal-csrf-placeholder" not in response.text


@pytest.mark.parametrize("author_first", [True, False])
def test_own_edit_and_delete_buttons_stay_with_their_author(
    forum, member_user, make_user, members_group, author_first
):
    own = CommentFactory(page=forum, author=member_user, body="Frisch geschrieben")
    edit = reverse("comments:comment_edit", args=[own.pk])
    delete = reverse("comments:comment_delete", args=[own.pk])
    report = reverse("comments:comment_report", args=[own.pk])
    author = member_client(member_user)
    other = member_client(make_user("karl", groups=[members_group]))
    order = [author, other] if author_first else [other, author]

    pages = {id(reader): visit(reader, forum).text for reader in order}

    assert edit in pages[id(author)] and delete in pages[id(author)]
    assert report not in pages[id(author)]
    assert edit not in pages[id(other)] and delete not in pages[id(other)]
    assert report in pages[id(other)]
    assert "Frisch geschrieben" in pages[id(other)]


def test_edited_comment_changes_in_the_shared_list(
    client,
    forum,
    member_user,
    make_user,
    members_group,
    django_capture_on_commit_callbacks,
):
    own = CommentFactory(page=forum, author=member_user, body="Erster Entwurf")
    reader = member_client(make_user("karl", groups=[members_group]))
    assert "Erster Entwurf" in visit(reader, forum).text

    with django_capture_on_commit_callbacks(execute=True):
        comment_edit(comment=own, user=member_user, body="Zweite Fassung")

    text = reader.get(forum.url).text
    assert "Erster Entwurf" not in text  # changed, back in pre-moderation


def test_deleted_and_hidden_comments_leave_the_shared_list(
    client,
    forum,
    member_user,
    make_user,
    members_group,
    django_capture_on_commit_callbacks,
):
    own = CommentFactory(page=forum, author=member_user, body="Bald gelöscht")
    rude = CommentFactory(page=forum, author=make_user("rude"), body="Pöbelei")
    reader = member_client(make_user("karl", groups=[members_group]))
    assert "Pöbelei" in visit(reader, forum).text

    with django_capture_on_commit_callbacks(execute=True):
        comment_delete(comment=own, user=member_user)
        comment_hide(comment=rude, moderator=make_user("presse"), reason="Beleidigung")

    text = reader.get(forum.url).text
    assert "Bald gelöscht" not in text
    assert "Pöbelei" not in text
    assert "Beleidigung" in text


def test_erased_author_shows_as_former_member_in_the_shared_list(
    forum, member_user, make_user, members_group, django_capture_on_commit_callbacks
):
    profile_update(user=member_user, display_name="Rosa L.")
    CommentFactory(page=forum, author=member_user, body="Von Rosa")
    reader = member_client(make_user("karl", groups=[members_group]))
    assert "Rosa L." in visit(reader, forum).text

    with django_capture_on_commit_callbacks(execute=True):
        account_erase(user=member_user)

    text = reader.get(forum.url).text
    assert "Von Rosa" in text
    assert "Rosa L." not in text
    assert "Ehemaliges Mitglied" in text


def test_new_display_name_shows_in_the_shared_list(
    forum, member_user, make_user, members_group, django_capture_on_commit_callbacks
):
    profile_update(user=member_user, display_name="Rosa L.")
    CommentFactory(page=forum, author=member_user, body="Von Rosa")
    reader = member_client(make_user("karl", groups=[members_group]))
    assert "Rosa L." in visit(reader, forum).text

    with django_capture_on_commit_callbacks(execute=True):
        profile_update(user=member_user, display_name="Rosa Luxemburg")

    assert "Rosa Luxemburg" in reader.get(forum.url).text


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
