"""Phone mode: call lists per district, each seen only by its caller, with name
and phone only; outcomes and answers recorded with the member's consent."""

import pytest
from django.urls import reverse
from wagtail.log_actions import registry

from core.audit import VIEWED
from members.factories import ProfileFactory
from surveys.factories import (
    CallListEntryFactory,
    CallListFactory,
    SurveyPhoneConsentFactory,
)
from surveys.models import (
    CallList,
    CallListEntry,
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
def survey_and_questions(db):
    return survey_with_all_kinds(title="Befragung Stadtrand")


@pytest.fixture
def callers_group(db):
    return permission_group("Anrufende", "call_survey_members")


@pytest.fixture
def caller(make_user, callers_group):
    return make_user("anna-anruf", groups=[callers_group], first_name="Anna")


@pytest.fixture
def other_caller(make_user, callers_group):
    return make_user("otto-anruf", groups=[callers_group], first_name="Otto")


@pytest.fixture
def survey_staff(make_user):
    return make_user(
        "umfrageteam", groups=[permission_group("Umfrageteam", "manage_surveys")]
    )


@pytest.fixture
def called_member(make_user, members_group, district):
    return callable_member(
        make_user,
        members_group,
        district,
        "klara",
        name="Klara Z.",
        phone="030 9876543",
    )


@pytest.fixture
def call_list(survey_and_questions, district, caller, called_member):
    survey, _questions = survey_and_questions
    call_list = CallListFactory(survey=survey, district=district, caller=caller)
    CallListEntryFactory(call_list=call_list, member=called_member)
    return call_list


def test_staff_create_a_call_list_of_consenting_verified_members_of_the_district(
    client,
    survey_staff,
    survey_and_questions,
    district,
    other_district,
    caller,
    make_user,
    members_group,
):
    survey, _questions = survey_and_questions
    klara = callable_member(
        make_user, members_group, district, "klara", name="Klara", phone="030 1"
    )
    callable_member(
        make_user, members_group, other_district, "otto", name="Otto", phone="030 2"
    )
    no_consent = make_user("ohne", groups=[members_group])
    ProfileFactory(user=no_consent, district=district)
    not_verified = make_user("gast2")
    ProfileFactory(user=not_verified, district=district)
    SurveyPhoneConsentFactory(user=not_verified)
    client.force_login(survey_staff)

    response = client.post(
        reverse("survey_admin:call_lists", args=[survey.pk]),
        {"district": district.pk, "caller": caller.pk, "limit": 50},
    )

    assert response.status_code == 302
    call_list = CallList.objects.get(survey=survey)
    assert call_list.caller == caller
    assert list(call_list.entries.values_list("member", flat=True)) == [klara.pk]


def test_a_member_is_put_on_one_call_list_per_survey_only(
    client, survey_staff, call_list, caller, district
):
    client.force_login(survey_staff)

    response = client.post(
        reverse("survey_admin:call_lists", args=[call_list.survey.pk]),
        {"district": district.pk, "caller": caller.pk, "limit": 50},
    )

    assert response.status_code == 400
    assert CallList.objects.count() == 1


def test_call_lists_cannot_be_assigned_to_someone_without_the_caller_role(
    client, survey_staff, survey_and_questions, district, called_member, member_user
):
    survey, _questions = survey_and_questions
    client.force_login(survey_staff)

    response = client.post(
        reverse("survey_admin:call_lists", args=[survey.pk]),
        {"district": district.pk, "caller": member_user.pk, "limit": 50},
    )

    assert response.status_code == 400
    assert not CallList.objects.exists()


def test_caller_sees_name_and_phone_only(client, caller, call_list, called_member):
    called_member.email = "klara.geheim@example.org"
    called_member.save()
    client.force_login(caller)

    response = client.get(reverse("surveys:survey_call_list", args=[call_list.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Klara Z." in content
    assert "030 9876543" in content
    assert "klara.geheim@example.org" not in content
    assert called_member.username not in content


def test_viewing_a_call_list_is_logged(client, caller, call_list):
    client.force_login(caller)

    client.get(reverse("surveys:survey_call_list", args=[call_list.pk]))

    entry = registry.get_logs_for_instance(call_list.survey).get(action=VIEWED)
    assert entry.user == caller
    assert entry.data["count"] == 1


def test_caller_gets_404_on_another_callers_list(client, other_caller, call_list):
    client.force_login(other_caller)

    list_response = client.get(reverse("surveys:survey_call_list", args=[call_list.pk]))
    entry = call_list.entries.get()
    entry_response = client.get(
        reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk])
    )

    assert list_response.status_code == 404
    assert entry_response.status_code == 404
    assert "030 9876543" not in list_response.content.decode()


def test_callers_index_lists_only_their_own_lists(
    client, other_caller, call_list, survey_and_questions, other_district
):
    survey, _questions = survey_and_questions
    CallListFactory(survey=survey, district=other_district, caller=other_caller)
    client.force_login(other_caller)

    response = client.get(reverse("surveys:survey_call_lists"))

    content = response.content.decode()
    assert "Marzahn-Hellersdorf" in content
    assert "Friedrichshain-Kreuzberg" not in content


def test_people_without_the_caller_role_get_403(client, member_user, call_list):
    client.force_login(member_user)

    response = client.get(reverse("surveys:survey_call_lists"))

    assert response.status_code == 403


def test_member_who_withdrew_consent_disappears_from_the_list(
    client, caller, call_list, called_member
):
    called_member.survey_phone_consent.delete()
    client.force_login(caller)

    response = client.get(reverse("surveys:survey_call_list", args=[call_list.pk]))

    assert "030 9876543" not in response.content.decode()
    assert "Klara Z." not in response.content.decode()


def test_caller_records_not_reached_without_answers(client, caller, call_list):
    entry = call_list.entries.get()
    client.force_login(caller)

    response = client.post(
        reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk]),
        {"outcome": "not_reached"},
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.outcome == CallListEntry.Outcome.NOT_REACHED
    assert entry.called_at is not None
    assert entry.answers_consented_at is None
    assert not SurveyResponse.objects.exists()


def test_caller_enters_answers_with_consent_and_it_counts_as_phone_response(
    client, caller, call_list, called_member, survey_and_questions
):
    _survey, questions = survey_and_questions
    entry = call_list.entries.get()
    client.force_login(caller)

    response = client.post(
        reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk]),
        {
            "outcome": "reached",
            "answers_consented": "on",
            **answer_data(questions, single="Teils", scale="3"),
        },
    )

    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.answers_consented_at is not None
    assert SurveyParticipation.objects.get(member=called_member).channel == "phone"
    stored = SurveyResponse.objects.get()
    assert {a.question_id: a.scale for a in stored.answers.all()}[
        questions["scale"].pk
    ] == 3


def test_answers_without_the_consent_tick_are_not_stored(
    client, caller, call_list, survey_and_questions
):
    _survey, questions = survey_and_questions
    entry = call_list.entries.get()
    client.force_login(caller)

    client.post(
        reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk]),
        {"outcome": "reached", **answer_data(questions)},
    )

    entry.refresh_from_db()
    assert entry.outcome == "reached"
    assert not SurveyResponse.objects.exists()


def test_consent_tick_when_not_reached_is_a_400(
    client, caller, call_list, survey_and_questions
):
    _survey, questions = survey_and_questions
    entry = call_list.entries.get()
    client.force_login(caller)

    response = client.post(
        reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk]),
        {"outcome": "declined", "answers_consented": "on", **answer_data(questions)},
    )

    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.outcome == "open"
    assert not SurveyResponse.objects.exists()


def test_missing_required_answer_with_consent_is_a_400_and_records_nothing(
    client, caller, call_list, survey_and_questions
):
    _survey, questions = survey_and_questions
    entry = call_list.entries.get()
    client.force_login(caller)

    response = client.post(
        reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk]),
        {
            "outcome": "reached",
            "answers_consented": "on",
            **answer_data(questions, single=""),
        },
    )

    assert response.status_code == 400
    entry.refresh_from_db()
    assert entry.outcome == "open"


def test_call_list_query_count_does_not_grow_with_the_list(
    client,
    caller,
    call_list,
    make_user,
    members_group,
    district,
    django_assert_max_num_queries,
):
    for number in range(15):
        member = callable_member(
            make_user,
            members_group,
            district,
            f"m{number}",
            name=f"Mitglied {number}",
            phone=f"030 {number}",
        )
        CallListEntryFactory(call_list=call_list, member=member)
    client.force_login(caller)

    with django_assert_max_num_queries(20):
        response = client.get(reverse("surveys:survey_call_list", args=[call_list.pk]))

    assert response.content.decode().count("tel:") == 16


def test_caller_never_sees_a_members_own_answers_and_cannot_overwrite_them(
    client, caller, call_list, called_member, survey_and_questions
):
    from surveys.services import survey_response_submit

    _survey, questions = survey_and_questions
    survey_response_submit(
        survey=call_list.survey,
        respondent=called_member,
        answers={
            questions["single"].pk: "Nein",
            questions["scale"].pk: 1,
            questions["text"].pk: "Geheime Meinung",
        },
    )
    entry = call_list.entries.get()
    url = reverse("surveys:survey_call_entry", args=[call_list.pk, entry.pk])
    client.force_login(caller)

    page = client.get(url).content.decode()
    client.post(
        url,
        {
            "outcome": "reached",
            "answers_consented": "on",
            **answer_data(questions, single="Ja", scale="5"),
        },
    )

    assert "Geheime Meinung" not in page
    assert "checked" not in page
    assert SurveyParticipation.objects.get(member=called_member).channel == "online"
    stored = SurveyResponse.objects.get()
    assert {a.question_id: a.scale for a in stored.answers.all()}[
        questions["scale"].pk
    ] == 1
    entry.refresh_from_db()
    assert entry.outcome == "reached"
    assert entry.answers_consented_at is None


def test_lists_of_a_closed_survey_are_no_longer_shown(client, caller, call_list):
    call_list.survey.status = "closed"
    call_list.survey.save()
    client.force_login(caller)

    response = client.get(reverse("surveys:survey_call_list", args=[call_list.pk]))

    assert response.status_code == 404
    assert "030 9876543" not in response.content.decode()
