"""``load_demo`` builds a realistic portal and runs again without duplicating it."""

import io

import feedparser
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from wagtail.images import get_image_model
from wagtail.models import Page

from dialog.models import EventPage, ForumPage, Venue, WorkingGroupPage
from education.models import CoursePage
from home.models import DistrictPage, SiteSettings, Topic
from news.models import DecisionBriefingPage, NewsArticlePage

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def load_demo():
    out = io.StringIO()
    call_command("load_demo", verbosity=0, stdout=out)
    return out.getvalue()


def snapshot():
    pages_per_type = {
        ContentType.objects.get_for_id(row["content_type"]).model: row["n"]
        for row in Page.objects.values("content_type").annotate(n=Count("pk"))
    }
    return {
        "pages per type": pages_per_type,
        "live pages": Page.objects.live().count(),
        "topics": Topic.objects.count(),
        "venues": Venue.objects.count(),
        "users": get_user_model().objects.count(),
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "images": get_image_model().objects.count(),
    }


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, built once for this module and rolled back after it.

    Each test runs inside its own savepoint (pytest-django's ``db``), so what a
    test changes is undone before the next one.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            load_demo()
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def test_loading_the_demo_again_changes_no_counts(demo):
    first = snapshot()

    printed = load_demo()

    assert snapshot() == first
    assert "koordination-fk  demo-koordination-2026" in printed


def test_demo_has_enough_content_to_try_every_feature(demo):
    upcoming = EventPage.objects.live().public().filter(end__gte=timezone.now())
    minimum = {
        "districts": (DistrictPage.objects.count(), 12),
        "topics": (Topic.objects.count(), 8),
        "news articles": (NewsArticlePage.objects.live().count(), 20),
        "briefings": (DecisionBriefingPage.objects.live().count(), 6),
        "upcoming events": (upcoming.count(), 30),
        "courses": (CoursePage.objects.live().count(), 3),
        "forums": (ForumPage.objects.live().count(), 2),
        "working groups": (WorkingGroupPage.objects.live().count(), 2),
    }

    too_few = {
        name: found for name, (found, wanted) in minimum.items() if found < wanted
    }
    assert too_few == {}


def test_demo_has_upcoming_events_of_every_kind(demo):
    kinds = set(
        EventPage.objects.live()
        .filter(end__gte=timezone.now())
        .values_list("kind", flat=True)
    )

    assert kinds == set(EventPage.Kind.values)


def test_demo_has_members_only_and_public_briefings(demo):
    audiences = set(DecisionBriefingPage.objects.values_list("audience", flat=True))

    assert audiences == {"public", "members"}


def test_demo_members_only_briefings_are_restricted(demo):
    briefings = DecisionBriefingPage.objects.filter(
        audience=DecisionBriefingPage.Audience.MEMBERS
    )

    assert all(briefing.get_view_restrictions().exists() for briefing in briefings)


def test_demo_members_only_briefing_document_is_in_the_private_collection(demo, client):
    briefing = DecisionBriefingPage.objects.get(slug="konzept-mitgliederbefragung")
    (block,) = briefing.documents
    document = block.value["document"]

    assert document.collection.name == "Mitglieder"
    assert document.collection.get_view_restrictions().exists()
    assert client.get(document.url).status_code == 302
    assert client.get(f"/api/v2/documents/{document.pk}/").status_code == 404


def test_district_editor_can_edit_their_own_district(demo):
    editor = get_user_model().objects.get(username="bezirk-fk")
    own = DistrictPage.objects.get(slug="friedrichshain-kreuzberg")

    assert own.permissions_for_user(editor).can_edit()


def test_district_editor_cannot_edit_another_district(demo):
    editor = get_user_model().objects.get(username="bezirk-fk")
    others = DistrictPage.objects.exclude(slug="friedrichshain-kreuzberg")

    assert [d.slug for d in others if d.permissions_for_user(editor).can_edit()] == []


def test_every_demo_page_renders(demo, client):
    """Anonymous visitors get each live page, or the login page if members-only."""
    broken = {}
    for page in Page.objects.live().filter(depth__gt=1).specific():
        url = page.url
        if url is None:  # outside the demo site (Wagtail's welcome page)
            continue
        response = client.get(url)
        restricted = page.get_view_restrictions().exists()
        expected = 302 if restricted else 200
        if response.status_code != expected:
            broken[url] = response.status_code

    assert broken == {}


def test_every_demo_page_renders_for_a_member(demo, client):
    client.force_login(get_user_model().objects.get(username="mitglied"))
    broken = {}
    for page in DecisionBriefingPage.objects.live():
        response = client.get(page.url)
        if response.status_code != 200:
            broken[page.url] = response.status_code

    assert broken == {}


def test_demo_calendar_renders_every_filter(demo, client):
    calendar = Page.objects.type(EventPage).first().get_parent()
    queries = (
        [{"kind": kind} for kind in EventPage.Kind.values]
        + [
            {"district": slug}
            for slug in DistrictPage.objects.values_list("slug", flat=True)
        ]
        + [{"topic": slug} for slug in Topic.objects.values_list("slug", flat=True)]
        + [
            {"young": "on"},
            {"step_free": "on"},
            {"childcare": "on"},
            {"child_friendly": "on"},
            {"event_format": "online"},
            {"event_format": "hybrid"},
        ]
    )

    statuses = {
        str(query): client.get(calendar.url, query).status_code for query in queries
    }

    assert set(statuses.values()) == {200}


def test_district_editor_opens_their_districts_event_in_the_admin(demo, client):
    client.force_login(get_user_model().objects.get(username="bezirk-fk"))
    own = DistrictPage.objects.get(slug="friedrichshain-kreuzberg")
    event = EventPage.objects.child_of(own).first()

    assert client.get(f"/admin/pages/{event.id}/edit/").status_code == 200


def test_district_editor_cannot_open_another_districts_event(demo, client):
    client.force_login(get_user_model().objects.get(username="bezirk-fk"))
    own = DistrictPage.objects.get(slug="friedrichshain-kreuzberg")
    other = EventPage.objects.exclude(path__startswith=own.path).first()

    response = client.get(f"/admin/pages/{other.id}/edit/")

    assert response.status_code == 302
    assert "/edit/" not in response["Location"]


def test_district_editor_can_add_a_venue(demo, client):
    client.force_login(get_user_model().objects.get(username="bezirk-fk"))

    assert client.get("/admin/snippets/dialog/venue/add/").status_code == 200


def test_demo_has_registrations_with_children_and_a_waiting_list(demo):
    from registrations.models import Registration

    council = EventPage.objects.get(slug="themenrat-kiezkultur")
    registrations = Registration.objects.filter(page=council)

    assert registrations.filter(status="confirmed").count() == council.capacity
    assert registrations.filter(status="waiting").count() == 1
    assert registrations.exclude(children_ages=[]).exists()


def test_demo_registrations_are_not_duplicated_by_a_second_run(demo):
    from registrations.models import Registration

    before = Registration.objects.count()
    load_demo()

    assert Registration.objects.count() == before


def test_demo_has_comments_to_read_and_moderate(demo):
    from comments.models import Comment, CommentReport

    statuses = set(Comment.objects.values_list("status", flat=True))

    assert {"approved", "pending"} <= statuses
    assert Comment.objects.filter(parent__isnull=False).exists()
    assert CommentReport.objects.filter(resolved_at__isnull=True).count() == 1


def test_loading_the_demo_again_adds_no_comments(demo):
    from comments.models import Comment, CommentReport

    before = (Comment.objects.count(), CommentReport.objects.count())

    load_demo()

    assert (Comment.objects.count(), CommentReport.objects.count()) == before


def test_demo_press_staff_may_moderate_every_comment(demo):
    presse = get_user_model().objects.get(username="presse")

    assert presse.has_perm("comments.moderate_all_comments")


def test_demo_forum_shows_its_comments_to_a_member(demo, client):
    client.force_login(get_user_model().objects.get(username="mitglied"))
    forum = ForumPage.objects.filter(comments_mode="members").first()

    response = client.get(forum.url)

    assert "ohne Verzehrzwang" in response.text
    assert "Wartet auf Freigabe" in response.text


def test_demo_member_is_confirmed_by_the_district_editor(demo):
    from members.models import MembershipVerification

    verification = MembershipVerification.objects.get(user__username="mitglied")

    assert verification.status == "confirmed"
    assert verification.decided_by.username == "bezirk-fk"


def test_demo_has_a_pending_membership_request_from_neu(demo):
    from members.models import MembershipVerification

    pending = MembershipVerification.objects.filter(status="pending")

    assert [v.user.username for v in pending] == ["neu"]


def test_demo_users_log_in_with_their_email_address(demo, client):
    response = client.post(
        "/konto/anmelden/",
        {"login": "mitglied@example.org", "password": "demo-mitglied-2026"},
    )

    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_demo_press_staff_follow_the_sends(demo, client):
    client.force_login(get_user_model().objects.get(username="presse"))

    response = client.get("/admin/versand/")

    assert response.status_code == 200


def test_demo_member_manages_their_subscriptions(demo, client):
    client.force_login(get_user_model().objects.get(username="mitglied"))

    response = client.get("/abonnieren/meine/")

    assert response.status_code == 200
    assert 'value="weekly" selected' in response.content.decode()


def test_loading_the_demo_again_keeps_one_set_of_subscriptions(demo):
    from subscriptions.models import Subscriber, Subscription

    before = (Subscriber.objects.count(), Subscription.objects.count())

    load_demo()

    assert (Subscriber.objects.count(), Subscription.objects.count()) == before
    assert before == (3, 4)


def test_demo_links_the_party_channels_and_newsletter(demo):
    settings = SiteSettings.objects.get()

    assert settings.newsletter_url
    assert "WhatsApp" in dict(settings.social_links)


def test_demo_calendar_feed_lists_only_public_events(demo, client):
    response = client.get(reverse("dialog_feeds:feed_calendar"), HTTP_HOST="localhost")

    calendar = Calendar.from_ical(response.content)
    summaries = {str(entry["summary"]) for entry in calendar.walk("VEVENT")}
    public = set(EventPage.objects.live().public().values_list("title", flat=True))
    assert summaries
    assert summaries <= public


def test_demo_briefing_feed_leaves_out_members_only_briefings(demo, client):
    response = client.get(reverse("news:feed_briefings_rss"), HTTP_HOST="localhost")

    titles = {entry.title for entry in feedparser.parse(response.content).entries}
    members_only = DecisionBriefingPage.objects.filter(audience="members")
    assert titles
    assert titles.isdisjoint(members_only.values_list("title", flat=True))


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_demo_home_calendar_and_a_briefing_are_translated(demo, language):
    from dialog.models import EventIndexPage
    from home.models import HomePage

    translated = {
        model.__name__: model.objects.live()
        .filter(locale__language_code=language)
        .exists()
        for model in (HomePage, EventIndexPage, DecisionBriefingPage)
    }

    assert translated == {
        "HomePage": True,
        "EventIndexPage": True,
        "DecisionBriefingPage": True,
    }


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_demo_topics_and_venues_are_translated(demo, language):
    german_topics = Topic.objects.filter(locale__language_code="de").count()
    german_venues = Venue.objects.filter(locale__language_code="de").count()

    assert Topic.objects.filter(locale__language_code=language).count() == (
        german_topics
    )
    assert Venue.objects.filter(locale__language_code=language).count() == (
        german_venues
    )


@pytest.mark.parametrize(
    "language, direction", [("en", "ltr"), ("tr", "ltr"), ("ar", "rtl")]
)
def test_demo_translated_pages_render_in_their_language(
    demo, client, language, direction
):
    briefing = DecisionBriefingPage.objects.live().get(locale__language_code=language)
    paths = [f"/{language}/", f"/{language}/kalender/", briefing.url]

    responses = {path: client.get(path) for path in paths}

    assert {path: r.status_code for path, r in responses.items()} == dict.fromkeys(
        paths, 200
    )
    for response in responses.values():
        html = response.content.decode()
        assert f'<html lang="{language}" dir="{direction}">' in html
        assert "fallback-notice" not in html


def test_demo_links_privacy_page_and_accessibility_statement(demo, client):
    from home.models import SiteSettings

    settings = SiteSettings.objects.get()
    html = client.get("/").content.decode()

    assert settings.privacy_page.slug == "datenschutz"
    assert settings.accessibility_page.slug == "barrierefreiheit"
    assert 'href="/datenschutz/"' in html
    assert 'href="/barrierefreiheit/"' in html


def test_demo_district_coordinator_works_in_their_district_only(demo, client):
    from home.selectors import districts_coordinated_by

    coordinator = get_user_model().objects.get(username="koordination-fk")
    own = DistrictPage.objects.get(slug="friedrichshain-kreuzberg")
    client.force_login(coordinator)

    assert set(districts_coordinated_by(coordinator)) == set(
        DistrictPage.objects.filter(translation_key=own.translation_key)
    )
    assert client.get("/admin/neue-mitglieder/").status_code == 200
    assert client.get(f"/admin/pages/{own.id}/edit/").status_code == 302
