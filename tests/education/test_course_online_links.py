"""A course session's video link reaches only those allowed to take part.

The same rule as events (``dialog.selectors.online_links``): with registration
only confirmed participants (members-only: verified members) and staff see it.
"""

import icalendar
import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from dialog.factories import VenueFactory
from dialog.models import EventFormat
from education.factories import CoursePageFactory, CourseSessionFactory
from registrations.factories import RegistrationFactory
from registrations.models import RegistrationMode
from registrations.services import registration_create, registrations_remind
from tests.utils import in_days

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/kurs-rhetorik-91c2"
ROLES = ("anonymous", "member", "registered", "staff")
ALLOWED = {"registered", "staff"}


def members_course(parent, **fields):
    fields.setdefault("registration_mode", RegistrationMode.MEMBERS)
    course = CoursePageFactory(
        parent=parent, title="Rhetorik für Mandatsträger*innen", **fields
    )
    CourseSessionFactory(page=course, title="1. Reden halten", start=in_days(1))
    CourseSessionFactory(
        page=course,
        title="2. Online üben",
        start=in_days(8),
        event_format=EventFormat.HYBRID,
        venue=VenueFactory(),
        online_link=LINK,
    )
    course.save_revision().publish()
    return course


@pytest.fixture
def course(course_index):
    return members_course(course_index)


@pytest.fixture
def registered_member(make_user, members_group, course):
    user = make_user("clara", groups=[members_group])
    RegistrationFactory(page=course, user=user, name="", email="")
    return user


@pytest.fixture
def as_role(client, member_user, registered_member, state_office_user):
    def login(role):
        user = {
            "anonymous": None,
            "member": member_user,
            "registered": registered_member,
            "staff": state_office_user,
        }[role]
        if user is not None:
            client.force_login(user)
        return client

    return login


def ics_text(content):
    calendar = icalendar.Calendar.from_ical(content)
    return "\n".join(
        f"{name}:{value}"
        for entry in calendar.walk("VEVENT")
        for name, value in entry.property_items(recursive=False)
    )


@pytest.mark.parametrize("role", ROLES)
def test_course_page_shows_the_session_link_only_to_participants_and_staff(
    as_role, course, role
):
    response = as_role(role).get(course.url)

    assert response.status_code == 200
    assert "2. Online üben" in response.text
    assert (LINK in response.text) is (role in ALLOWED)


def test_course_page_says_when_the_link_comes(client, course):
    assert "Videolink nach bestätigter Anmeldung" in client.get(course.url).text


def test_public_course_without_registration_shows_its_link(client, course_index):
    course = members_course(course_index, registration_mode=RegistrationMode.NONE)

    assert LINK in client.get(course.url).text


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "params",
    [
        {"type": "education.CoursePage", "fields": "*,sessions(*)"},
        {"search": "Rhetorik", "type": "education.CoursePage", "fields": "sessions"},
    ],
    ids=["list", "search"],
)
def test_page_api_lists_have_no_session_link(as_role, course, role, params):
    response = as_role(role).get("/api/v2/pages/", params)

    assert response.status_code == 200
    assert "2. Online üben" in response.content.decode()
    assert LINK not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_page_api_detail_has_no_session_link(as_role, course, role):
    response = as_role(role).get(f"/api/v2/pages/{course.pk}/")

    # The fixture's sessions share a sort order: PostgreSQL may list either first.
    assert sorted(s["title"] for s in response.json()["sessions"]) == [
        "1. Reden halten",
        "2. Online üben",
    ]
    assert LINK not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_search_and_sitemap_have_no_session_link(as_role, course, role):
    client = as_role(role)
    search = client.get(reverse("search:search"), {"q": "Rhetorik"}).text
    sitemap = client.get("/sitemap.xml").content.decode()

    assert "Rhetorik für Mandatsträger*innen" in search
    assert course.full_url in sitemap
    assert LINK not in search + sitemap


def test_confirmation_mail_gives_the_registered_member_the_session_link(
    course, member_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=course, user=member_user)

    (message,) = mail.outbox
    assert f"Videolink (2. Online üben): {LINK}" in message.body
    assert LINK in ics_text(message.attachments[0][1])


def test_waiting_list_mail_has_no_session_link(
    course_index,
    member_user,
    make_user,
    members_group,
    django_capture_on_commit_callbacks,
):
    course = members_course(course_index, capacity=1)
    registration_create(page=course, user=member_user)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=course, user=make_user("karl", groups=[members_group]))

    (message,) = mail.outbox
    assert message.subject.startswith("Du stehst auf der Warteliste")
    assert LINK not in message.body


def test_reminder_gives_the_registered_member_the_session_link(
    course, member_user, django_capture_on_commit_callbacks
):
    registration_create(page=course, user=member_user)

    with django_capture_on_commit_callbacks(execute=True):
        registrations_remind()

    (message,) = mail.outbox
    assert message.subject.startswith("Erinnerung:")
    assert LINK in message.body


def test_page_cache_never_serves_the_session_link_after_a_member_saw_it(
    client, settings, course, registered_member
):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300
    client.force_login(registered_member)
    member_page = client.get(course.url)
    client.logout()
    client.cookies.clear()

    first = client.get(course.url)
    second = client.get(course.url)

    assert LINK in member_page.text
    assert second.headers.get("X-Page-Cache") == "hit"
    assert LINK not in first.text
    assert LINK not in second.text


def test_a_waiting_registration_shows_no_session_link(
    client, make_user, members_group, course
):
    user = make_user("karl", groups=[members_group])
    RegistrationFactory(
        page=course,
        user=user,
        name="",
        email="",
        status="waiting",
        queued_at=timezone.now(),
    )
    client.force_login(user)

    assert LINK not in client.get(course.url).text
