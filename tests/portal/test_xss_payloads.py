"""Script in what people type is shown as text wherever it appears.

A fixed set of payloads goes into comments, registration names and
organisations, display names, pool notes and messages, mentoring goals, survey
free texts and briefing feedback remarks; every page showing them (site pages
and the organisers' admin lists) renders them escaped.
"""

import html

import pytest
from django.urls import reverse

from comments.factories import CommentFactory
from comments.models import Comment
from dialog.factories import ForumPageFactory
from members.factories import (
    MentoringApplicationFactory,
    PoolEntryFactory,
    PoolMessageFactory,
    ProfileFactory,
)
from registrations.factories import RegistrationFactory
from registrations.models import RegistrationMode
from surveys.factories import SurveyAnswerFactory, SurveyResponseFactory
from tests.registrations.registration_helpers import registrable_event
from tests.surveys.survey_helpers import survey_with_all_kinds
from tests.utils import human_form_fields
from tracker.factories import BriefingFeedbackFactory

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "</textarea><script>alert(3)</script>",
    "<svg onload=alert(1)>",
    "{{7*7}}{% debug %}",
    'https://x.example/"><script>alert(4)</script>',
]

# What would run if a payload were rendered as markup.
ACTIVE = [
    "<script>alert(",
    "<img src=x",
    "<svg onload",
    'href="javascript:',
    "href='javascript:",
]


def assert_shown_as_text(response, payload):
    assert response.status_code == 200, response.status_code
    content = response.content.decode()
    for active in ACTIVE:
        assert active not in content, active
    assert payload in html.unescape(content), "payload not shown"


@pytest.fixture(params=PAYLOADS, ids=range(len(PAYLOADS)))
def payload(request):
    return request.param


@pytest.fixture
def author(member_user, payload):
    """A member whose display name is the payload."""
    ProfileFactory(user=member_user, display_name=payload[:60])
    return member_user


@pytest.fixture
def forum(home_page):
    return ForumPageFactory(
        parent=home_page, comments_mode="logged_in", moderation="post"
    )


def test_comment_and_author_on_the_page(client, forum, author, payload):
    client.force_login(author)
    client.post(
        reverse("comments:comment_create", args=[forum.pk]),
        {"body": f"Vorher {payload} nachher"},
    )
    assert Comment.objects.filter(page=forum).count() == 1

    response = client.get(forum.url)

    assert_shown_as_text(response, payload)
    assert payload[:60] in html.unescape(response.content.decode())


def test_refused_comment_shown_again_in_its_form(client, forum, author, payload):
    client.force_login(author)

    response = client.post(
        reverse("comments:comment_create", args=[forum.pk]),
        {"body": payload + " " + "x" * 5000},
    )

    assert response.status_code == 400
    response.status_code = 200
    assert_shown_as_text(response, payload)


def test_comment_in_the_moderation_queue(client, forum, author, superuser, payload):
    CommentFactory(page=forum, author=author, body=payload)
    client.force_login(superuser)

    assert_shown_as_text(client.get("/admin/kommentare/"), payload)


@pytest.fixture
def guest_event(event_index):
    return registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, capacity=10
    )


def test_guest_name_and_organisation_in_the_organisers_report(
    client, guest_event, superuser, payload
):
    RegistrationFactory(page=guest_event, name=payload[:120], organisation=payload)
    client.force_login(superuser)

    response = client.get(reverse("registrations_report", args=[guest_event.pk]))

    assert_shown_as_text(response, payload)


def test_guest_name_shown_again_in_a_refused_registration_form(
    client, guest_event, payload
):
    response = client.post(
        reverse("registrations:registration_form", args=[guest_event.pk]),
        {
            "name": payload,
            "organisation": payload,
            "email": "kein-at",
            **human_form_fields("registration"),
        },
    )

    assert response.status_code == 400
    response.status_code = 200
    assert_shown_as_text(response, payload)


def test_registration_csv_defuses_formulas_in_names(client, guest_event, superuser):
    RegistrationFactory(
        page=guest_event, name="=cmd|' /C calc'!A0", organisation="@SUM(1+1)"
    )
    client.force_login(superuser)

    body = client.get(
        reverse("registrations_csv", args=[guest_event.pk])
    ).content.decode("utf-8-sig")

    assert ";'=cmd|' /C calc'!A0;" in body.replace('"', "")
    assert "'@SUM(1+1)" in body


def test_pool_notes_in_the_coordinators_search(
    client, author, district, superuser, payload
):
    PoolEntryFactory(
        user=author, skills=[payload], availability_note=payload, districts=[district]
    )
    client.force_login(superuser)

    response = client.get(reverse("volunteer_pool:search"), {"district": district.pk})

    assert_shown_as_text(response, payload)


def test_pool_notes_shown_again_in_the_members_own_form(client, author, payload):
    PoolEntryFactory(user=author, skills=[payload], availability_note=payload)
    client.force_login(author)

    assert_shown_as_text(client.get(reverse("members:pool")), payload)


def test_pool_message_sender_and_subject_for_the_recipient(
    client, author, make_user, members_group, payload
):
    recipient = make_user("empfaengerin", groups=[members_group])
    PoolEntryFactory(user=recipient)
    PoolMessageFactory(sender=author, recipient=recipient, subject=payload[:150])
    client.force_login(recipient)

    response = client.get(reverse("members:pool"))

    assert_shown_as_text(response, payload[:60])


def test_mentoring_goals_in_the_coordinators_list(client, author, superuser, payload):
    MentoringApplicationFactory(user=author, goals=payload)
    client.force_login(superuser)

    assert_shown_as_text(client.get("/admin/mentoring/"), payload)


def test_survey_free_text_in_the_results(client, author, superuser, payload):
    survey, questions = survey_with_all_kinds()
    response = SurveyResponseFactory(survey=survey)
    SurveyAnswerFactory(response=response, question=questions["text"], text=payload)
    client.force_login(superuser)

    assert_shown_as_text(
        client.get(reverse("survey_admin:results", args=[survey.pk])), payload
    )


def test_feedback_remark_in_the_evaluation(
    client, author, public_briefing, superuser, payload
):
    BriefingFeedbackFactory(briefing=public_briefing, user=author, remark=payload)
    client.force_login(superuser)

    response = client.get(
        reverse("tracker_evaluation_remarks", args=[public_briefing.pk])
    )

    assert_shown_as_text(response, payload)
