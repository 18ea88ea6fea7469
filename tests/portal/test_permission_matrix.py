"""Every URL as every role: the expected status, checked on the server.

``MATRIX`` is a table of URLs (built from the ``world`` fixture) and the status
each role gets. To add a feature's URLs, add rows: a name, a function from the
world to the URL, and the statuses by role (``ALL``/``STAFF`` shorthands help).
Wagtail answers a forbidden admin page with a redirect (302) to the dashboard
or login; our own admin views answer 403 (``home.views.admin_forbidden_as_403``).

Then every page, export, feed and API response a member sees is checked for
another member's email address and phone number.
"""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from dialog.factories import (
    CommentFactory,
    EventPageFactory,
    ForumPageFactory,
    RegistrationFactory,
)
from dialog.models import EventPage
from dialog.models.registrations import RegistrationMode
from home.roles import (
    APPROVERS_GROUP_NAME,
    COORDINATORS_GROUP_NAME,
    PRESS_GROUP_NAME,
    STATE_OFFICE_GROUP_NAME,
    district_editor_group_ensure,
    roles_sync,
)
from members.factories import MembershipVerificationFactory, ProfileFactory
from news.factories import NewsArticlePageFactory, SubscriberFactory
from tests.utils import in_days

ROLES = [
    "anonymous",
    "registered",
    "member",
    "press",
    "district_editor",
    "coordinator",
    "state_office",
    "superuser",
]
STAFF = ["press", "district_editor", "coordinator", "state_office", "superuser"]
OTHER_MEMBER_EMAIL = "clara.zetkin@example.org"
OTHER_MEMBER_PHONE = "+49 30 1234567"


def expect(default, **by_role):
    """Statuses for every role: ``default`` unless ``by_role`` says otherwise."""
    return {role: by_role.get(role, default) for role in ROLES}


def staff(allowed, forbidden, **by_role):
    """``allowed`` for staff roles, ``forbidden`` for the others."""
    return {
        role: by_role.get(role, allowed if role in STAFF else forbidden)
        for role in ROLES
    }


LOGIN = 302  # sent to the login page

# (name, url builder, expected status by role)
MATRIX = [
    # -- site ---------------------------------------------------------------
    ("home", lambda w: "/", expect(200)),
    ("news index", lambda w: w["news_index"].url, expect(200)),
    ("public briefing", lambda w: w["public_briefing"].url, expect(200)),
    (
        "members briefing",
        lambda w: w["members_briefing"].url,
        expect(
            200,
            anonymous=LOGIN,
            registered=LOGIN,
            district_editor=LOGIN,
            coordinator=LOGIN,
            press=LOGIN,
            state_office=LOGIN,
        ),
    ),
    (
        "members briefing print view",
        lambda w: w["members_briefing"].url + "drucken/",
        expect(
            200,
            anonymous=LOGIN,
            registered=LOGIN,
            district_editor=LOGIN,
            coordinator=LOGIN,
            press=LOGIN,
            state_office=LOGIN,
        ),
    ),
    ("district page", lambda w: w["district"].url, expect(200)),
    ("event page", lambda w: w["event"].url, expect(200)),
    ("forum page", lambda w: w["forum"].url, expect(200)),
    (
        "registration form (members only)",
        lambda w: reverse("dialog:registration_form", args=[w["event"].pk]),
        expect(200),
    ),
    ("search", lambda w: "/suche/?q=Miete", expect(200)),
    ("subscribe", lambda w: reverse("news:subscription_subscribe"), expect(200)),
    (
        "own subscriptions",
        lambda w: reverse("news:subscription_mine"),
        expect(403, anonymous=LOGIN, member=200),
    ),
    ("profile", lambda w: reverse("members:profile"), expect(200, anonymous=LOGIN)),
    (
        "membership verification",
        lambda w: reverse("members:verification"),
        expect(200, anonymous=LOGIN),
    ),
    ("sessions", lambda w: reverse("members:sessions"), expect(200, anonymous=LOGIN)),
    ("login", lambda w: reverse("members:login"), expect(200)),
    ("sign-up", lambda w: reverse("members:signup"), expect(200)),
    ("healthz", lambda w: "/healthz", expect(200)),
    ("robots.txt", lambda w: "/robots.txt", expect(200)),
    ("sitemap", lambda w: "/sitemap.xml", expect(200)),
    # -- feeds --------------------------------------------------------------
    ("news rss", lambda w: reverse("news:feed_news_rss"), expect(200)),
    ("briefings atom", lambda w: reverse("news:feed_briefings_atom"), expect(200)),
    ("calendar ics", lambda w: reverse("news:feed_calendar"), expect(200)),
    (
        "district calendar ics",
        lambda w: reverse("news:feed_calendar_district", args=[w["district"].slug]),
        expect(200),
    ),
    # -- API ----------------------------------------------------------------
    ("api pages", lambda w: "/api/v2/pages/", expect(200)),
    (
        "api members briefing",
        lambda w: f"/api/v2/pages/{w['members_briefing'].pk}/",
        expect(404),
    ),
    ("api calendar", lambda w: "/api/v2/kalender/", expect(200)),
    ("api documents", lambda w: "/api/v2/documents/", expect(200)),
    # -- downloads ----------------------------------------------------------
    ("document download", lambda w: w["document"].url, expect(200)),
    # -- admin --------------------------------------------------------------
    ("admin dashboard", lambda w: reverse("wagtailadmin_home"), staff(200, 302)),
    (
        "admin edit briefing",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["public_briefing"].pk]),
        staff(200, 302, district_editor=302, coordinator=302),
    ),
    (
        "admin edit district page",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["district"].pk]),
        staff(200, 302, coordinator=302, press=302),
    ),
    (
        "admin edit other district",
        lambda w: reverse("wagtailadmin_pages:edit", args=[w["other_district"].pk]),
        staff(200, 302, coordinator=302, district_editor=302, press=302),
    ),
    (
        "admin registrations",
        lambda w: reverse("dialog_registration_index"),
        staff(200, 302),
    ),
    (
        "admin registration report",
        lambda w: reverse("dialog_registration_report", args=[w["event"].pk]),
        staff(200, 302, coordinator=403, press=403),
    ),
    (
        "admin registration csv export",
        lambda w: reverse("dialog_registration_csv", args=[w["event"].pk]),
        staff(200, 302, coordinator=403, press=403),
    ),
    (
        "admin other district's registrations",
        lambda w: reverse("dialog_registration_report", args=[w["other_event"].pk]),
        staff(200, 302, coordinator=403, district_editor=403, press=403),
    ),
    (
        "admin comment moderation",
        lambda w: reverse("dialog_comments:index"),
        staff(200, 302, coordinator=403),
    ),
    (
        "admin membership verifications",
        lambda w: reverse("membership_verifications:index"),
        staff(200, 302, coordinator=302, press=302),
    ),
    (
        "admin users",
        lambda w: reverse("wagtailusers_users:index"),
        staff(302, 302, superuser=200),
    ),
    (
        "admin groups",
        lambda w: reverse("wagtailusers_groups:index"),
        staff(302, 302, superuser=200),
    ),
    (
        "admin workflows",
        lambda w: reverse("wagtailadmin_workflows:index"),
        staff(302, 302, superuser=200),
    ),
]


@pytest.fixture
def world(
    home_page,
    news_index,
    public_briefing,
    members_briefing,
    district,
    other_district,
    event_index,
    members_group,
    make_user,
):
    other_member = make_user("clara", groups=[members_group])
    other_member.email = OTHER_MEMBER_EMAIL
    other_member.save()
    ProfileFactory(user=other_member, display_name="Clara Z.")
    event = EventPageFactory(
        parent=district,
        title="Basiskonferenz Mieten",
        kind=EventPage.Kind.BASE_CONFERENCE,
        registration_mode=RegistrationMode.MEMBERS,
        capacity=20,
        start=in_days(10),
        district=district,
    )
    other_event = EventPageFactory(
        parent=other_district,
        title="Themenrat Stadtrand",
        registration_mode=RegistrationMode.OPEN,
        capacity=20,
        start=in_days(12),
        district=other_district,
    )
    RegistrationFactory(page=event, user=other_member, email="", name="Clara Z.")
    RegistrationFactory(
        page=other_event,
        name="Gast",
        email="gast@example.org",
    )
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    CommentFactory(page=forum, author=other_member, body="Mehr Sozialwohnungen!")
    NewsArticlePageFactory(parent=news_index, title="Neue Mietenkampagne")
    MembershipVerificationFactory(
        user=other_member, district=district, membership_number="4711"
    )
    SubscriberFactory(email=OTHER_MEMBER_EMAIL)
    document = get_document_model().objects.create(
        title="Satzung", file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="satzung.pdf")
    )
    roles_sync()
    return {
        "news_index": news_index,
        "public_briefing": public_briefing,
        "members_briefing": members_briefing,
        "district": district,
        "other_district": other_district,
        "event": event,
        "other_event": other_event,
        "forum": forum,
        "document": document,
        "other_member": other_member,
    }


@pytest.fixture
def as_role(client, make_user, members_group, world):
    def log_in(role):
        groups = {
            "registered": [],
            "member": [members_group],
            "press": [
                Group.objects.get(name=PRESS_GROUP_NAME),
                Group.objects.get(name=APPROVERS_GROUP_NAME),
            ],
            "district_editor": [district_editor_group_ensure(world["district"])],
            "coordinator": [Group.objects.get(name=COORDINATORS_GROUP_NAME)],
            "state_office": [Group.objects.get(name=STATE_OFFICE_GROUP_NAME)],
        }
        if role == "superuser":
            client.force_login(make_user("chefin", is_superuser=True, is_staff=True))
        elif role != "anonymous":
            client.force_login(make_user(f"user-{role}", groups=groups[role]))
        return client

    return log_in


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(as_role, world, role):
    """One test per role (the world is built once), listing every mismatch."""
    client = as_role(role)
    mismatches = []

    for name, url, expected in MATRIX:
        status = client.get(url(world)).status_code
        if status != expected[role]:
            mismatches.append(f"{name}: {status}, expected {expected[role]}")

    assert not mismatches, f"as {role}: " + "; ".join(mismatches)


READABLE_BY_MEMBERS = [row for row in MATRIX if row[2]["member"] == 200]


@pytest.mark.parametrize("role", ["anonymous", "registered", "member"])
def test_no_response_shows_another_members_contact(as_role, world, role):
    client = as_role(role)

    for name, url, _expected in READABLE_BY_MEMBERS:
        response = client.get(url(world))
        content = (
            b"".join(response.streaming_content)
            if response.streaming
            else response.content
        ).decode(errors="replace")
        assert OTHER_MEMBER_EMAIL not in content, name
        assert OTHER_MEMBER_PHONE not in content, name
