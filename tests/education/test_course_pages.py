"""Course pages show their sessions; the course index lists courses by first session."""

import datetime

import pytest
from django.utils import timezone

from dialog.factories import VenueFactory
from dialog.models import EventFormat
from education.factories import CoursePageFactory, CourseSessionFactory
from tests.utils import in_days, page_text


@pytest.fixture
def course(course_index):
    page = CoursePageFactory(
        parent=course_index,
        title="Marx lesen für Einsteiger*innen",
        teaser="Drei Abende mit dem Kapital, Band 1.",
        learning_goals="<ul><li>Die Wertform erklären können</li></ul>",
        capacity=20,
    )
    venue = VenueFactory(
        name="Karl-Liebknecht-Haus", street="Kleine Alexanderstraße 28"
    )
    CourseSessionFactory(page=page, title="1. Die Ware", start=in_days(7), venue=venue)
    CourseSessionFactory(page=page, title="2. Das Geld", start=in_days(14), venue=venue)
    CourseSessionFactory(
        page=page,
        title="3. Der Mehrwert",
        start=in_days(21),
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link="https://meet.example.org/marx",
    )
    return page


def test_course_shows_teaser_and_learning_goals(client, course):
    html = page_text(client, course.url)

    assert "Drei Abende mit dem Kapital, Band 1." in html
    assert "Die Wertform erklären können" in html


@pytest.mark.parametrize("title", ["1. Die Ware", "2. Das Geld", "3. Der Mehrwert"])
def test_course_shows_each_session(client, course, title):
    assert title in page_text(client, course.url)


def test_course_shows_the_session_venue(client, course):
    assert "Karl-Liebknecht-Haus, Kleine Alexanderstraße 28" in page_text(
        client, course.url
    )


def test_course_shows_the_online_sessions_link(client, course):
    assert "https://meet.example.org/marx" in page_text(client, course.url)


def test_course_shows_session_times_in_berlin_time(client, course):
    assert "19:00" in page_text(client, course.url)


def test_course_with_only_past_sessions_is_past(course_index):
    course = CoursePageFactory(parent=course_index)
    CourseSessionFactory(page=course, start=timezone.now() - datetime.timedelta(days=3))

    assert course.is_past


def test_course_with_a_future_session_is_not_past(course):
    assert not course.is_past


def test_course_index_lists_courses_by_their_first_session(client, course_index):
    later = CoursePageFactory(parent=course_index, title="Später Kurs")
    CourseSessionFactory(page=later, start=in_days(30))
    sooner = CoursePageFactory(parent=course_index, title="Früher Kurs")
    CourseSessionFactory(page=sooner, start=in_days(3))
    CoursePageFactory(parent=course_index, title="Kurs ohne Termin")

    response = client.get(course_index.url)

    assert [c.title for c in response.context["courses"]] == [
        "Früher Kurs",
        "Später Kurs",
        "Kurs ohne Termin",
    ]


def test_course_index_links_to_its_courses(client, course_index, course):
    assert course.url in page_text(client, course_index.url)


def test_course_index_page_number_beyond_the_last_is_404(client, course_index, course):
    assert client.get(course_index.url, {"page": 4}).status_code == 404


def test_empty_course_index_renders(client, course_index):
    assert client.get(course_index.url).status_code == 200


def test_a_published_change_of_a_session_shows_at_once(client, course):
    """The session list is cached per course until a page is published."""
    from education.models import CoursePage

    assert "1. Die Ware" in page_text(client, course.url)
    page = CoursePage.objects.get(pk=course.pk)
    sessions = list(page.sessions.all())
    sessions[0].title = "1. Die Ware (verlegt)"
    page.sessions = sessions
    page.save_revision().publish()

    assert "1. Die Ware (verlegt)" in page_text(client, course.url)


def test_a_renamed_venue_shows_on_the_course_at_once(
    client, course, django_capture_on_commit_callbacks
):
    assert "Karl-Liebknecht-Haus" in page_text(client, course.url)
    venue = course.sessions.first().venue
    venue.name = "Rosa-Luxemburg-Saal"
    with django_capture_on_commit_callbacks(execute=True):
        venue.save()

    assert "Rosa-Luxemburg-Saal, Kleine Alexanderstraße 28" in page_text(
        client, course.url
    )
