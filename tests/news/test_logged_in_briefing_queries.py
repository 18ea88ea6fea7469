"""A member reading a members-only briefing costs the same queries with 5 or 200
comments, on the first view of the thread (list rendered) and on later ones
(list from the fragment cache)."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from members.services.accounts import profile_update
from news.factories import DecisionBriefingPageFactory
from news.models import DecisionBriefingPage
from news.services import briefing_audience_sync

# Routing, Wagtail's restriction check, the session's user, the page's parts and
# the reader's own-comments check; a new session also asks the admin-access
# permissions and renders the comment list (when no other member did before).
QUERY_BUDGET = {1: 23, 3: 17}


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def authors(make_user, members_group):
    people = [make_user(f"autorin{n}", groups=[members_group]) for n in range(20)]
    for number, person in enumerate(people[:10]):
        profile_update(user=person, display_name=f"Autorin {number}")
    return people


def briefing_with_comments(news_index, authors, count):
    """Like ``benchmarks/logged_in_briefing.py``: every fourth comment a reply."""
    page = DecisionBriefingPageFactory(
        parent=news_index,
        comments_mode="members",
        audience=DecisionBriefingPage.Audience.MEMBERS,
    )
    briefing_audience_sync(page=page)
    top = Comment.objects.bulk_create(
        Comment(
            page=page, author=authors[n % 20], body=f"Beitrag {n}", status="approved"
        )
        for n in range(count)
        if n % 4 != 3
    )
    Comment.objects.bulk_create(
        Comment(
            page=page,
            author=authors[n % 20],
            parent=top[n % len(top)],
            body=f"Antwort {n}",
            status="approved",
        )
        for n in range(count)
        if n % 4 == 3
    )
    return page


def queries_of(user, page, views):
    """The queries of ``user``'s ``views``-th request of ``page`` (a new session)."""
    client = Client()
    client.force_login(user)
    for _ in range(views - 1):
        assert client.get(page.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        response = client.get(page.url)
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.parametrize("views", [1, 3], ids=["first view", "later view"])
def test_member_reads_a_briefing_in_the_same_queries_for_5_or_200_comments(
    client, home_page, news_index, authors, make_user, members_group, views
):
    small = briefing_with_comments(news_index, authors, 5)
    large = briefing_with_comments(news_index, authors, 200)
    client.get(home_page.url)  # Wagtail caches the site's root paths
    readers = [make_user(f"leserin{n}", groups=[members_group]) for n in range(2)]

    small_response, small_queries = queries_of(readers[0], small, views)
    large_response, large_queries = queries_of(readers[1], large, views)

    assert small_response.text.count('class="comment"') == 5
    assert large_response.text.count('class="comment"') == 200
    assert "Autorin 3" in large_response.text
    assert large_queries == small_queries
    assert large_queries <= QUERY_BUDGET[views]
    assert "private" in large_response["Cache-Control"]
