"""Members answer a survey online: once, while it is open, members only."""

import pytest
from django.urls import reverse

from surveys.models import SurveyResponse

from .survey_helpers import answer_data, survey_with_all_kinds


@pytest.fixture
def open_survey(db):
    return survey_with_all_kinds(title="Mitgliederbefragung 2026")


def test_member_sees_every_question_of_an_open_survey(client, member_user, open_survey):
    survey, questions = open_survey
    client.force_login(member_user)

    response = client.get(reverse("surveys:survey_answer", args=[survey.pk]))

    assert response.status_code == 200
    content = response.content.decode()
    for question in questions.values():
        assert question.text in content
    assert "<legend>Fühlen Sie sich gut informiert?" in content


def test_member_answers_and_the_answers_are_stored(client, member_user, open_survey):
    survey, questions = open_survey
    client.force_login(member_user)

    response = client.post(
        reverse("surveys:survey_answer", args=[survey.pk]),
        answer_data(
            questions, multiple=["Stammtisch", "Bildung"], text="Mehr Kinderbetreuung"
        ),
    )

    assert response.status_code == 302
    stored = SurveyResponse.objects.get(survey=survey)
    answers = {a.question_id: a for a in stored.answers.all()}
    assert answers[questions["single"].pk].choices == ["Ja"]
    assert answers[questions["multiple"].pk].choices == ["Stammtisch", "Bildung"]
    assert answers[questions["scale"].pk].scale == 4
    assert answers[questions["text"].pk].text == "Mehr Kinderbetreuung"


def test_missing_required_answer_is_a_400_with_a_message_and_stores_nothing(
    client, member_user, open_survey
):
    survey, questions = open_survey
    client.force_login(member_user)

    response = client.post(
        reverse("surveys:survey_answer", args=[survey.pk]),
        answer_data(questions, single=""),
    )

    assert response.status_code == 400
    assert "Dieses Feld muss ausgefüllt werden." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_an_option_that_is_not_offered_is_refused(client, member_user, open_survey):
    survey, questions = open_survey
    client.force_login(member_user)

    response = client.post(
        reverse("surveys:survey_answer", args=[survey.pk]),
        answer_data(questions, single="Vielleicht", scale="9"),
    )

    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_non_member_gets_403(client, non_member_user, open_survey):
    survey, _questions = open_survey
    client.force_login(non_member_user)

    response = client.get(reverse("surveys:survey_answer", args=[survey.pk]))

    assert response.status_code == 403


def test_visitor_is_sent_to_the_login(client, open_survey):
    survey, _questions = open_survey

    response = client.get(reverse("surveys:survey_answer", args=[survey.pk]))

    assert response.status_code == 302
    assert reverse("members:login") in response["Location"]


def test_draft_survey_does_not_exist_for_members(client, member_user):
    survey, _questions = survey_with_all_kinds(status="draft")
    client.force_login(member_user)

    response = client.get(reverse("surveys:survey_answer", args=[survey.pk]))

    assert response.status_code == 404


def test_closed_survey_takes_no_more_answers(client, member_user):
    survey, questions = survey_with_all_kinds(status="closed")
    client.force_login(member_user)
    url = reverse("surveys:survey_answer", args=[survey.pk])

    page = client.get(url)
    response = client.post(url, answer_data(questions))

    assert "Diese Umfrage ist beendet." in page.content.decode()
    assert response.status_code == 400
    assert not SurveyResponse.objects.exists()


def test_survey_list_shows_open_surveys_only(client, member_user, open_survey):
    survey, _questions = open_survey
    survey_with_all_kinds(title="Entwurf", status="draft")
    client.force_login(member_user)

    response = client.get(reverse("surveys:survey_list"))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Mitgliederbefragung 2026" in content
    assert "Entwurf" not in content


def test_members_profile_links_to_the_surveys(rf, member_user, non_member_user):
    from wagtail import hooks

    from surveys.wagtail_hooks import survey_profile_links

    request = rf.get("/")
    request.user = member_user
    assert survey_profile_links in hooks.get_hooks("member_profile_links")
    assert survey_profile_links(request) == [
        ("Mitgliederbefragungen", reverse("surveys:survey_list"))
    ]
    request.user = non_member_user
    assert survey_profile_links(request) is None
