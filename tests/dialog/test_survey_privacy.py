"""A member's survey data is in their export and goes with their erasure."""

import pytest

from dialog.factories import (
    CallListEntryFactory,
    CallListFactory,
    SurveyAnswerFactory,
    SurveyPhoneConsentFactory,
    SurveyResponseFactory,
)
from dialog.models.surveys import (
    CallList,
    CallListEntry,
    SurveyAnswer,
    SurveyPhoneConsent,
    SurveyResponse,
)
from members.privacy import member_data_erase, member_data_export

from .survey_helpers import survey_with_all_kinds


@pytest.fixture
def survey_data(member_user, make_user, district):
    survey, questions = survey_with_all_kinds(title="Befragung Privat")
    response = SurveyResponseFactory(survey=survey, respondent=member_user)
    SurveyAnswerFactory(
        response=response, question=questions["text"], text="Meine Meinung"
    )
    SurveyPhoneConsentFactory(user=member_user, phone="030 111222")
    caller = make_user("anrufer")
    call_list = CallListFactory(survey=survey, district=district, caller=caller)
    CallListEntryFactory(call_list=call_list, member=member_user, outcome="reached")
    other = make_user("andere")
    SurveyResponseFactory(survey=survey, respondent=other)
    return survey, caller


def test_export_contains_responses_phone_consent_and_calls(member_user, survey_data):
    data = member_data_export(member_user)["surveys"]

    assert data["responses"][0]["survey"] == "Befragung Privat"
    assert data["responses"][0]["answers"] == [
        {"question": "Was sollten wir besser machen?", "answer": "Meine Meinung"}
    ]
    assert data["phone_consent"]["phone"] == "030 111222"
    assert data["calls_received"][0]["outcome"] == "reached"


def test_erasure_deletes_phone_call_records_and_free_text_of_that_member_only(
    member_user, survey_data
):
    member_data_erase(member_user)

    assert not SurveyResponse.objects.filter(respondent=member_user).exists()
    assert not SurveyAnswer.objects.filter(text="Meine Meinung").exists()
    assert not SurveyPhoneConsent.objects.filter(user=member_user).exists()
    assert not CallListEntry.objects.filter(member=member_user).exists()


def test_erasure_keeps_the_response_counted_without_its_respondent(
    member_user, survey_data
):
    survey, _caller = survey_data
    SurveyAnswerFactory(
        response=SurveyResponse.objects.get(respondent=member_user),
        question=survey.questions.get(kind="single"),
        choices=["Ja"],
    )

    member_data_erase(member_user)

    assert SurveyResponse.objects.filter(survey=survey).count() == 2
    kept = SurveyResponse.objects.get(respondent__isnull=True)
    assert [answer.choices for answer in kept.answers.all() if answer.choices] == [
        ["Ja"]
    ]


def test_erasing_a_caller_keeps_the_list_without_its_caller(survey_data):
    _survey, caller = survey_data

    member_data_erase(caller)

    assert CallList.objects.get().caller is None
    assert CallListEntry.objects.count() == 1
