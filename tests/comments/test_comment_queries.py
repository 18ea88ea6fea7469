"""A page's comment thread costs the same queries for 5 or 50 comments."""

import pytest

from comments.factories import CommentFactory
from dialog.factories import ForumPageFactory

QUERY_BUDGET = 28  # page, language switcher and profile lookups included


@pytest.mark.parametrize("number", [5, 50])
def test_comment_thread_renders_in_constant_queries(
    client, member_user, make_user, home_page, number, django_assert_max_num_queries
):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    authors = [make_user(f"autor{n}") for n in range(5)]
    for n in range(number):
        comment = CommentFactory(page=forum, author=authors[n % 5], body=f"K{n}")
        CommentFactory(page=forum, parent=comment, author=authors[(n + 1) % 5])
    client.force_login(member_user)
    client.get(forum.url)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(forum.url)

    assert response.text.count('class="comment"') == 2 * number
