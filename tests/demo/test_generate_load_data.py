"""``generate_load_data``: party-scale data for benchmarks, here at 1 % scale."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from comments.models import Comment
from core.people import MEMBERS_GROUP_NAME
from demo.load_data import USERNAME_PREFIX, LoadPlan, generate
from dialog.models import EventPage
from education.models import CoursePage, CourseSession
from news.models import DecisionBriefingPage, NewsArticlePage
from registrations.models import Registration
from subscriptions.models import Subscriber, Subscription

ANCHOR = datetime.date(2026, 11, 26)


@pytest.fixture
def site(news_index, event_index, course_index, district):
    return news_index.get_parent()


def _snapshot(seed):
    """The generated data as plain values, then rolled back."""
    with transaction.atomic():
        generate(scale=0.01, seed=seed, anchor=ANCHOR)
        pages = list(
            Page.objects.filter(slug__startswith="lt-")
            .order_by("path")
            .values_list("slug", "title", "path", "first_published_at")
        )
        comments = list(
            Comment.objects.order_by("pk").values_list(
                "page__slug", "author__username", "body", "created_at"
            )
        )
        registrations = sorted(
            Registration.objects.values_list("page__slug", "user__username")
        )
        transaction.set_rollback(True)
    return pages, comments, registrations


def test_scale_sets_the_counts_of_everything(site):
    plan = LoadPlan.for_scale(1)

    assert plan.pages == 10_000
    assert (plan.comments, plan.subscribers, plan.members, plan.registrations) == (
        100_000,
        20_000,
        5_000,
        50_000,
    )


def test_command_creates_pages_people_comments_and_registrations(site):
    call_command("generate_load_data", "--scale", "0.01", "--seed", "7")

    assert NewsArticlePage.objects.filter(slug__startswith="lt-").live().count() == 40
    assert DecisionBriefingPage.objects.filter(slug__startswith="lt-").count() == 15
    assert EventPage.objects.filter(slug__startswith="lt-").count() == 35
    assert CoursePage.objects.filter(slug__startswith="lt-").count() == 10
    assert CourseSession.objects.filter(page__slug__startswith="lt-").exists()
    assert Comment.objects.count() == 1_000
    assert Subscriber.objects.filter(confirmed_at__isnull=False).count() == 200
    assert Subscription.objects.count() == 200
    members = get_user_model().objects.filter(
        username__startswith=USERNAME_PREFIX, groups__name=MEMBERS_GROUP_NAME
    )
    assert members.count() == 50
    assert Registration.objects.filter(status="confirmed").count() == 500


def test_generated_tree_is_consistent_and_pages_are_served(site, client):
    call_command("generate_load_data", "--scale", "0.01")

    assert all(problems == [] for problems in Page.find_problems())
    article = NewsArticlePage.objects.filter(slug__startswith="lt-").first()
    response = client.get(article.url)
    assert response.status_code == 200
    assert article.title in response.content.decode()
    course = CoursePage.objects.filter(slug__startswith="lt-").first()
    assert client.get(course.url).status_code == 200


def test_members_only_briefings_are_hidden_from_visitors(site, client):
    call_command("generate_load_data", "--scale", "0.01")

    restricted = DecisionBriefingPage.objects.filter(
        slug__startswith="lt-", audience="members"
    )
    assert restricted.exists()
    briefing = restricted.first()
    assert PageViewRestriction.objects.filter(page=briefing).exists()
    assert client.get(briefing.url).status_code == 302


def test_no_event_is_overbooked(site):
    call_command("generate_load_data", "--scale", "0.01")

    for event in EventPage.objects.filter(registrations__isnull=False).distinct():
        held = Registration.objects.filter(page=event).holding_seats().count()
        assert held <= event.capacity


def test_same_seed_gives_the_same_data(site):
    assert _snapshot(11) == _snapshot(11)


def test_another_seed_gives_other_data(site):
    assert _snapshot(11)[0] != _snapshot(12)[0]


def test_second_run_on_the_same_database_is_refused(site):
    call_command("generate_load_data", "--scale", "0.01")

    with pytest.raises(CommandError, match="already holds load data"):
        call_command("generate_load_data", "--scale", "0.01")
    assert Comment.objects.count() == 1_000


def test_generated_pages_are_found_by_search(site, client):
    call_command("generate_load_data", "--scale", "0.01")
    article = NewsArticlePage.objects.filter(slug__startswith="lt-").first()

    response = client.get("/suche/", {"q": article.title})

    assert response.status_code == 200
    assert article.title in response.content.decode()
