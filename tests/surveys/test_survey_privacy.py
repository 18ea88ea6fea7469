"""A member's survey data is in their export and goes with their erasure."""

import pytest

from members.privacy import member_data_erase, member_data_export
from surveys.factories import (
    CallListEntryFactory,
    CallListFactory,
    SurveyAnswerFactory,
    SurveyParticipationFactory,
    SurveyPhoneConsentFactory,
    SurveyResponseFactory,
)
from surveys.models import (
    CallList,
    CallListEntry,
    SurveyAnswer,
    SurveyParticipation,
    SurveyPhoneConsent,
    SurveyResponse,
)

from .survey_helpers import survey_with_all_kinds


@pytest.fixture
def survey_data(member_user, make_user, district):
    survey, questions = survey_with_all_kinds(title="Befragung Privat")
    SurveyParticipationFactory(survey=survey, member=member_user)
    SurveyAnswerFactory(
        response=SurveyResponseFactory(survey=survey),
        question=questions["single"],
        choices=["Ja"],
    )
    SurveyPhoneConsentFactory(user=member_user, phone="030 111222")
    caller = make_user("anrufer")
    call_list = CallListFactory(survey=survey, district=district, caller=caller)
    CallListEntryFactory(call_list=call_list, member=member_user, outcome="reached")
    other = make_user("andere")
    SurveyParticipationFactory(survey=survey, member=other)
    SurveyResponseFactory(survey=survey)
    return survey, caller


def test_export_contains_participations_phone_consent_and_calls(
    member_user, survey_data
):
    data = member_data_export(member_user)["surveys"]

    assert [p["survey"] for p in data["participations"]] == ["Befragung Privat"]
    assert data["phone_consent"]["phone"] == "030 111222"
    assert data["calls_received"][0]["outcome"] == "reached"


def test_erasure_deletes_participation_and_phone_call_records_of_that_member_only(
    member_user, survey_data
):
    member_data_erase(member_user)

    assert not SurveyParticipation.objects.filter(member=member_user).exists()
    assert SurveyParticipation.objects.count() == 1
    assert not SurveyPhoneConsent.objects.filter(user=member_user).exists()
    assert not CallListEntry.objects.filter(member=member_user).exists()


def test_erasure_keeps_the_anonymous_answers_counted(member_user, survey_data):
    survey, _caller = survey_data

    member_data_erase(member_user)

    assert SurveyResponse.objects.filter(survey=survey).count() == 2
    assert [answer.choices for answer in SurveyAnswer.objects.all()] == [["Ja"]]


def test_erasing_a_caller_keeps_the_list_without_its_caller(survey_data):
    _survey, caller = survey_data

    member_data_erase(caller)

    assert CallList.objects.get().caller is None
    assert CallListEntry.objects.count() == 1
