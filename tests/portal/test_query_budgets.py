"""Every public page type, the calendar, search, feeds and the API answer in at
most 15 queries, whether there are 3 or 40 comments, events, topics or
registrations.

The page cache is switched off here: the budgets are for a render, the cost of
a visitor who finds nothing in the cache (members never do).
"""

import datetime
import os

import pytest
import wagtail_factories
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from comments.factories import CommentFactory
from dialog.factories import (
    EventPageFactory,
    ForumPageFactory,
    VenueFactory,
    WorkingGroupPageFactory,
)
from education.factories import CoursePageFactory, CourseSessionFactory
from home.factories import StandardPageFactory, TopicFactory
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory
from registrations.factories import RegistrationFactory
from tests.utils import in_days

QUERY_BUDGET = int(os.environ.get("QB", 15))
# A member reading a members-only briefing also costs Wagtail's own restriction
# check (3 queries) and the lookup of their evaluation answer.
MEMBER_QUERY_BUDGET = QUERY_BUDGET + 2
SMALL, LARGE = 3, 40


@pytest.fixture(autouse=True)
def _no_page_cache(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0


def _comments(page, authors, count):
    for number in range(count):
        comment = CommentFactory(page=page, author=authors[number % len(authors)])
        if number % 2:
            CommentFactory(
                page=page, parent=comment, author=authors[(number + 1) % len(authors)]
            )


@pytest.fixture
def content(home_page, news_index, event_index, course_index, district, other_district):
    """``count`` of everything the named ``parts`` of the site list or thread."""

    def create(count, parts):
        topics = [TopicFactory() for _ in range(min(count, 12))]
        authors = [
            get_user_model().objects.create_user(
                username=f"autorin{number}", email=f"autorin{number}@example.org"
            )
            for number in range(min(count, 10))
        ]
        made = {"topics": topics}
        if "events" in parts:
            venues = [VenueFactory(district=district), VenueFactory(step_free=True)]
            for number in range(count):
                event = EventPageFactory(
                    parent=event_index,
                    start=in_days(1 + number % 30),
                    venue=venues[number % 2],
                    district=[district, other_district, None][number % 3],
                    listing_image=wagtail_factories.ImageFactory()
                    if number < 3
                    else None,
                )
                event.topics.set(topics[: number % 3 + 1])
                event.save()
                made.setdefault("event", event)
            for _number in range(count):
                RegistrationFactory(page=made["event"])
        if "news" in parts:
            for number in range(count):
                article = NewsArticlePageFactory(
                    parent=news_index,
                    district=district if number % 2 else None,
                    comments_mode="members",
                    listing_image=wagtail_factories.ImageFactory()
                    if number < 3
                    else None,
                )
                article.topics.set(topics)
                article.save()
                made.setdefault("article", article)
            _comments(made["article"], authors, count)
        if "briefing" in parts:
            briefing = DecisionBriefingPageFactory(
                parent=news_index, comments_mode="members"
            )
            briefing.topics.set(topics)
            briefing.save()
            home_page.featured_briefing = briefing
            home_page.save_revision().publish()
            _comments(briefing, authors, count)
            made["briefing"] = briefing
        if "forum" in parts:
            made["forum"] = ForumPageFactory(parent=home_page, comments_mode="members")
            _comments(made["forum"], authors, count)
        if "course" in parts:
            course = CoursePageFactory(parent=course_index, comments_mode="members")
            course.topics.set(topics)
            course.save()
            for number in range(count):
                CourseSessionFactory(page=course, start=in_days(2 + number))
            _comments(course, authors, count)
            made["course"] = course
        if "standard" in parts:
            standard = StandardPageFactory(parent=home_page)
            standard.topics.set(topics)
            standard.save()
            made["standard"] = standard
        if "group" in parts:
            group = WorkingGroupPageFactory(parent=home_page)
            for _number in range(count):
                RegistrationFactory(page=group)
            made["group"] = group
        return made

    return create


def _page_url(key):
    return lambda pages, fixtures: pages[key].url


LISTS = {"events", "news", "briefing"}
PARTS = {
    "standard": {"standard"},
    "news_article": {"news"},
    "briefing": {"briefing"},
    "event": {"events"},
    "working_group": {"group"},
    "forum": {"forum"},
    "course_index": {"course"},
    "course": {"course"},
    "calendar_filtered": {"events"},
    "event_index": {"events"},
    "calendar_ics": {"events"},
    "district_ics": {"events"},
    "topic_ics": {"events"},
    "api_pages": {"events"},
    "api_calendar": {"events"},
}

PUBLIC_URLS = {
    "home": lambda pages, f: f["home_page"].url,
    "standard": _page_url("standard"),
    "district_index": lambda pages, f: f["district_index"].url,
    "district": lambda pages, f: f["district"].url,
    "news_index": lambda pages, f: f["news_index"].url,
    "news_article": _page_url("article"),
    "briefing": _page_url("briefing"),
    "event_index": lambda pages, f: f["event_index"].url,
    "calendar_filtered": lambda pages, f: (
        f["event_index"].url
        + f"?district={f['district'].slug}&topic={pages['topics'][0].slug}&step_free=on"
    ),
    "event": _page_url("event"),
    "working_group": _page_url("group"),
    "forum": _page_url("forum"),
    "course_index": lambda pages, f: f["course_index"].url,
    "course": _page_url("course"),
    "search": lambda pages, f: reverse("search:search") + "?q=Veranstaltung",
    "news_rss": lambda pages, f: reverse("news:feed_news_rss"),
    "news_atom": lambda pages, f: reverse("news:feed_news_atom"),
    "briefings_rss": lambda pages, f: reverse("news:feed_briefings_rss"),
    "topic_atom": lambda pages, f: reverse(
        "news:feed_topic_atom", args=[pages["topics"][0].slug]
    ),
    "district_rss": lambda pages, f: reverse(
        "news:feed_district_rss", args=[f["district"].slug]
    ),
    "calendar_ics": lambda pages, f: reverse("dialog_feeds:feed_calendar"),
    "district_ics": lambda pages, f: reverse(
        "dialog_feeds:feed_calendar_district", args=[f["district"].slug]
    ),
    "topic_ics": lambda pages, f: reverse(
        "dialog_feeds:feed_calendar_topic", args=[pages["topics"][0].slug]
    ),
    "api_pages": lambda pages, f: "/api/v2/pages/?type=dialog.EventPage&fields=start",
    "api_calendar": lambda pages, f: "/api/v2/kalender/",
    "english_home": lambda pages, f: "/en/",
}


def _fixtures(request):
    return {
        name: request.getfixturevalue(name)
        for name in ("home_page", "district_index", "district", "news_index")
        + ("event_index", "course_index")
    }


@pytest.mark.parametrize("count", [SMALL, LARGE])
@pytest.mark.parametrize("name", list(PUBLIC_URLS))
def test_public_page_stays_within_the_query_budget(
    client, request, content, django_assert_max_num_queries, name, count
):
    pages = content(count, PARTS.get(name, LISTS))
    url = PUBLIC_URLS[name](pages, _fixtures(request))
    # The first visit makes image renditions and fills the caches of site
    # settings and navigation; the budget holds for every visit after.
    assert client.get(url).status_code == 200

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(url)

    assert response.status_code == 200


MEMBER_PAGES = ["article", "briefing", "members_briefing", "forum", "course"]
MEMBER_PARTS = {"article": "news"}


@pytest.mark.parametrize("count", [SMALL, LARGE])
@pytest.mark.parametrize("name", MEMBER_PAGES)
def test_page_with_comments_stays_within_the_budget_for_a_member(
    client,
    content,
    member_user,
    members_briefing,
    django_assert_max_num_queries,
    name,
    count,
):
    part = MEMBER_PARTS.get(name, name.removeprefix("members_"))
    pages = content(count, {part})
    members_briefing.comments_mode = "members"
    members_briefing.save_revision().publish()
    pages["members_briefing"] = members_briefing
    page = pages[name]
    for _number in range(count):
        CommentFactory(page=members_briefing, author=member_user)
    CommentFactory(
        page=page,
        author=member_user,
        created_at=timezone.now() - datetime.timedelta(minutes=1),
    )
    client.force_login(member_user)
    assert client.get(page.url).status_code == 200

    with django_assert_max_num_queries(MEMBER_QUERY_BUDGET):
        response = client.get(page.url)

    assert response.status_code == 200
    assert response.text.count('class="comment"') >= count
