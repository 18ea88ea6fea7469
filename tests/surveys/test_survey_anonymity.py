"""Survey answers are stored without the person: the portal keeps only *that*
a member took part (so they answer once), never *which* answers are theirs."""

import uuid

import pytest
from django.conf import settings
from django.db import models
from django.urls import reverse

from members.privacy import member_data_erase, member_data_export
from surveys.factories import CallListEntryFactory, CallListFactory
from surveys.models import (
    CallListEntry,
    SurveyAnswer,
    SurveyParticipation,
    SurveyResponse,
)

from .survey_helpers import (
    answer_data,
    callable_member,
    permission_group,
    survey_with_all_kinds,
)


@pytest.fixture
def open_survey(db):
    return survey_with_all_kinds(title="Befragung anonym")


def _answer_online(client, user, survey, questions, **answers):
    client.force_login(user)
    return client.post(
        reverse("surveys:survey_answer", args=[survey.pk]),
        answer_data(questions, **answers),
    )


@pytest.mark.parametrize("model", [SurveyResponse, SurveyAnswer])
def test_answer_tables_hold_no_person_call_time_or_sequence(model):
    links = {
        field.related_model._meta.label
        for field in model._meta.get_fields()
        if field.is_relation and field.concrete
    }
    assert settings.AUTH_USER_MODEL not in links
    assert CallListEntry._meta.label not in links
    assert links <= {
        "surveys.Survey",
        "surveys.SurveyQuestion",
        "surveys.SurveyResponse",
    }
    assert not [
        field.name
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField | models.TimeField)
    ]
    # Random keys: the order of rows says nothing about who answered when.
    assert isinstance(model._meta.pk, models.UUIDField)


def test_online_answers_are_stored_apart_from_the_participation(
    client, member_user, open_survey
):
    survey, questions = open_survey

    response = _answer_online(
        client, member_user, survey, questions, single="Nein", text="Mehr Kiezarbeit"
    )

    assert response.status_code == 302
    participation = SurveyParticipation.objects.get(survey=survey)
    assert participation.member == member_user
    assert participation.channel == "online"
    stored = SurveyResponse.objects.get(survey=survey)
    assert isinstance(stored.pk, uuid.UUID)
    texts = {answer.text for answer in stored.answers.all()}
    assert "Mehr Kiezarbeit" in texts
    assert not hasattr(SurveyParticipation, "response")


def test_answering_twice_is_refused_and_the_first_answers_stay(
    client, member_user, open_survey
):
    survey, questions = open_survey
    _answer_online(client, member_user, survey, questions, single="Ja", scale="2")

    second = _answer_online(
        client, member_user, survey, questions, single="Nein", scale="5"
    )

    assert second.status_code == 400
    assert "Du hast an dieser Umfrage schon teilgenommen." in second.text
    assert SurveyResponse.objects.filter(survey=survey).count() == 1
    assert SurveyParticipation.objects.filter(survey=survey).count() == 1
    scales = SurveyAnswer.objects.filter(question=questions["scale"])
    assert [answer.scale for answer in scales] == [2]


def test_the_survey_page_shows_no_answers_after_taking_part(
    client, member_user, open_survey
):
    survey, questions = open_survey
    _answer_online(client, member_user, survey, questions, text="Meine Idee")

    page = client.get(reverse("surveys:survey_answer", args=[survey.pk])).text

    assert "Meine Idee" not in page
    assert "checked" not in page
    assert "Du hast am" in page


def test_the_promise_says_what_is_stored(client, member_user, open_survey):
    survey, _questions = open_survey
    client.force_login(member_user)

    page = client.get(reverse("surveys:survey_answer", args=[survey.pk])).text

    assert "ohne Verbindung zu deinem Konto" in page
    assert "nur, dass du teilgenommen hast" in page
    assert "nicht mehr ändern" in page
    assert "alphabetisch" in page


def test_phone_answers_keep_no_link_between_the_call_and_the_answers(
    client, make_user, members_group, district, open_survey
):
    survey, questions = open_survey
    caller = make_user(
        "carla", groups=[permission_group("Anrufende", "call_survey_members")]
    )
    member = callable_member(
        make_user, members_group, district, "kurt", name="Kurt K.", phone="030 42"
    )
    call_list = CallListFactory(survey=survey, district=district, caller=caller)
    entry = CallListEntryFactory(call_list=call_list, member=member)
    client.force_login(caller)

    response = client.post(
        reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk]),
        {
            "outcome": "reached",
            "answers_consented": "on",
            **answer_data(questions, single="Teils", text="Telefonidee"),
        },
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.outcome == "reached"
    assert SurveyParticipation.objects.get(member=member).channel == "phone"
    stored = SurveyResponse.objects.get(survey=survey)
    assert "Telefonidee" in {answer.text for answer in stored.answers.all()}
    entry_links = {
        field.related_model
        for field in CallListEntry._meta.get_fields()
        if field.is_relation
    }
    assert SurveyResponse not in entry_links
    assert SurveyAnswer not in entry_links


def test_export_says_which_surveys_without_the_answers(
    client, member_user, open_survey
):
    survey, questions = open_survey
    _answer_online(client, member_user, survey, questions, text="Nur anonym")

    data = member_data_export(member_user)["surveys"]

    assert data["participations"][0]["survey"] == "Befragung anonym"
    assert data["participations"][0]["channel"] == "online"
    assert "ohne Verbindung zu deinem Konto" in data["answers"]
    assert "Nur anonym" not in str(data)


def test_erasure_deletes_the_participation_and_keeps_the_anonymous_answers(
    client, member_user, open_survey
):
    survey, questions = open_survey
    _answer_online(client, member_user, survey, questions, single="Ja")

    member_data_erase(member_user)

    assert not SurveyParticipation.objects.exists()
    assert SurveyResponse.objects.filter(survey=survey).count() == 1
