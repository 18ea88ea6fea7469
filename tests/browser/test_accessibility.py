"""axe-core in Chromium on every public page type, every form and the member
area, in German and Arabic: no violation of impact "serious" or "critical"."""

import os

import pytest
from axe_playwright_python.sync_playwright import Axe

from comments.models import CommentMode
from dialog.factories import (
    EventPageFactory,
    ForumPageFactory,
    VenueFactory,
    WorkingGroupPageFactory,
)
from dialog.models import EventPage
from education.factories import CoursePageFactory, CourseSessionFactory
from home.factories import StandardPageFactory, paragraph
from members.factories import VerifiedEmailFactory
from news.factories import NewsArticlePageFactory
from registrations.models import RegistrationMode
from tests.browser.conftest import login
from tests.conftest import PASSWORD
from tests.utils import in_days

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE = Axe()
# AXE_IMPACTS=minor,moderate,serious,critical lists everything axe finds.
BLOCKING = set(os.environ.get("AXE_IMPACTS", "serious,critical").split(","))


@pytest.fixture
def portal(
    home_page,
    news_index,
    event_index,
    course_index,
    district,
    public_briefing,
    members_briefing,
):
    """One page of every type, with the forms they carry."""
    standard = StandardPageFactory(
        parent=home_page, title="Mitmachen", body=[paragraph("So machst du mit.")]
    )
    article = NewsArticlePageFactory(parent=news_index, title="Mietenstopp jetzt")
    event = EventPageFactory(
        parent=event_index,
        title="Themenrat Wohnen",
        kind=EventPage.Kind.THEMATIC_COUNCIL,
        start=in_days(8),
        registration_mode=RegistrationMode.OPEN,
        capacity=20,
        childcare_offered=True,
        accessibility_questions=True,
        venue=VenueFactory(step_free=True, child_friendly=True, nursing_room=True),
    )
    course = CoursePageFactory(parent=course_index, title="Grundkurs Kommunalpolitik")
    CourseSessionFactory(page=course, title="Wie arbeitet eine BVV?")
    group = WorkingGroupPageFactory(parent=home_page, title="AG Mitgliederarbeit")
    forum = ForumPageFactory(
        parent=home_page, title="Forum Stadtrand", comments_mode=CommentMode.MEMBERS
    )
    return {
        "home": home_page,
        "standard": standard,
        "district": district,
        "districts": district.get_parent(),
        "news": news_index,
        "article": article,
        "briefing": public_briefing,
        "members_briefing": members_briefing,
        "calendar": event_index,
        "event": event,
        "courses": course_index,
        "course": course,
        "group": group,
        "forum": forum,
    }


def public_paths(site):
    paths = [
        site[name].url
        for name in (
            "home",
            "standard",
            "districts",
            "district",
            "news",
            "article",
            "briefing",
            "calendar",
            "event",
            "courses",
            "course",
            "group",
            "forum",
        )
    ]
    return paths + [
        site["briefing"].url + "drucken/",
        site["calendar"].url + "?date_from=2027-05-01&date_to=2027-01-01",
        "/suche/?q=Mieten",
        "/seite-gibt-es-nicht/",
    ]


def form_paths(site):
    return [
        "/konto/anmelden/",
        "/konto/registrieren/",
        "/konto/passwort-vergessen/",
        "/abonnieren/",
        f"/mitmachen/anmeldung/{site['event'].pk}/",
    ]


def member_paths(site):
    return [
        "/konto/profil/",
        "/konto/mitgliedschaft/",
        "/abonnieren/meine/",
        site["members_briefing"].url,
        site["forum"].url,
        site["event"].url,
    ]


def blocking_violations(journey, path):
    """Serious and critical axe violations of ``path`` as readable lines."""
    journey.goto(path)
    journey.screenshot(path.strip("/").replace("/", "-") or "home")
    results = AXE.run(journey.page)
    return [
        f"{path}: {v['id']} ({v['impact']}) {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]


def check(journey, paths, prefix):
    found = []
    for path in paths:
        found += blocking_violations(journey, prefix + path)
    assert not found, "\n".join(found)


LANGUAGES = pytest.mark.parametrize("prefix", ["", "/ar"], ids=["de", "ar"])


@LANGUAGES
def test_public_page_types_have_no_serious_accessibility_violations(
    journey, portal, prefix
):
    check(journey, public_paths(portal), prefix)


@LANGUAGES
def test_forms_have_no_serious_accessibility_violations(journey, portal, prefix):
    check(journey, form_paths(portal), prefix)
    journey.goto(f"{prefix}/mitmachen/anmeldung/{portal['event'].pk}/")
    journey.page.locator("form.registration__form button[type=submit]").click()
    journey.page.wait_for_load_state()
    assert journey.page.locator(".error-summary").is_visible()
    results = AXE.run(journey.page)
    journey.screenshot("registration form with errors")
    assert not [
        v["id"] for v in results.response["violations"] if v["impact"] in BLOCKING
    ]


@LANGUAGES
def test_member_area_has_no_serious_accessibility_violations(
    journey, portal, member_user, prefix
):
    VerifiedEmailFactory(user=member_user)
    login(journey, member_user.username, PASSWORD)

    check(journey, member_paths(portal), prefix)


def test_the_axe_check_catches_an_image_without_alternative_text(page):
    page.set_content(
        '<!DOCTYPE html><html lang="de"><head><title>x</title></head>'
        '<body><main><img src="data:,"></main></body></html>'
    )

    violations = AXE.run(page).response["violations"]

    assert ("image-alt", "critical") in [(v["id"], v["impact"]) for v in violations]
