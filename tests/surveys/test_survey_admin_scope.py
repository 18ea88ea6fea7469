"""Surveys belong to the whole state: a district's coordinators use them for
their district's call lists but never change or delete them."""

import pytest
from django.urls import reverse

from core.roles import COORDINATORS_GROUP_NAME, roles_sync
from home.roles import district_coordinator_group_ensure
from members.factories import ProfileFactory
from surveys.factories import (
    CallListFactory,
    SurveyFactory,
    SurveyQuestionFactory,
    SurveyResponseFactory,
)
from surveys.models import CallList, Survey, SurveyResponse


@pytest.fixture
def survey(db):
    survey = SurveyFactory(title="Landesweite Mitgliederbefragung")
    SurveyQuestionFactory(survey=survey)
    SurveyResponseFactory(survey=survey)
    return survey


@pytest.fixture
def district_coordinator(make_user, district, other_district):
    roles_sync()
    return make_user(
        "koordination-fk", groups=[district_coordinator_group_ensure(district)]
    )


@pytest.fixture
def coordinator(make_user, district, other_district):
    from django.contrib.auth.models import Group

    roles_sync()
    return make_user(
        "koordination", groups=[Group.objects.get(name=COORDINATORS_GROUP_NAME)]
    )


def test_a_district_coordinator_cannot_delete_the_statewide_survey(
    client, district_coordinator, survey
):
    client.force_login(district_coordinator)

    response = client.post(reverse("survey_admin:delete", args=[survey.pk]))

    assert response.status_code == 403
    assert Survey.objects.filter(pk=survey.pk).exists()
    assert SurveyResponse.objects.filter(survey=survey).count() == 1


def test_a_district_coordinator_cannot_edit_the_statewide_survey(
    client, district_coordinator, survey
):
    client.force_login(district_coordinator)

    form = client.get(reverse("survey_admin:edit", args=[survey.pk]))
    response = client.post(
        reverse("survey_admin:edit", args=[survey.pk]),
        {"title": "Gekapert", "status": "closed"},
    )

    assert form.status_code == 403
    assert response.status_code == 403
    survey.refresh_from_db()
    assert survey.title == "Landesweite Mitgliederbefragung"


def test_a_district_coordinator_cannot_add_a_survey(client, district_coordinator):
    client.force_login(district_coordinator)

    response = client.post(reverse("survey_admin:add"), {"title": "Eigene Umfrage"})

    assert response.status_code == 403
    assert not Survey.objects.exists()


def test_a_district_coordinator_still_lists_surveys_and_their_results(
    client, district_coordinator, survey
):
    client.force_login(district_coordinator)

    index = client.get(reverse("survey_admin:index"))
    results = client.get(reverse("survey_admin:results", args=[survey.pk]))

    assert index.status_code == 200
    assert "Landesweite Mitgliederbefragung" in index.content.decode()
    assert (
        reverse("survey_admin:delete", args=[survey.pk]) not in index.content.decode()
    )
    assert results.status_code == 200


def test_the_statewide_coordinator_deletes_a_survey(client, coordinator, survey):
    client.force_login(coordinator)

    response = client.post(reverse("survey_admin:delete", args=[survey.pk]))

    assert response.status_code == 302
    assert not Survey.objects.filter(pk=survey.pk).exists()


def test_a_district_coordinator_sees_only_their_districts_call_lists(
    client, district_coordinator, survey, district, other_district, make_user
):
    own_caller = make_user("anruf-fk", first_name="Frieda")
    ProfileFactory(user=own_caller, display_name="Frieda F.")
    other_caller = make_user("anruf-mh", first_name="Moritz")
    ProfileFactory(user=other_caller, display_name="Moritz M.")
    CallListFactory(survey=survey, district=district, caller=own_caller)
    CallListFactory(survey=survey, district=other_district, caller=other_caller)
    client.force_login(district_coordinator)

    response = client.get(reverse("survey_admin:call_lists", args=[survey.pk]))

    content = response.content.decode()
    assert response.status_code == 200
    assert "Frieda F." in content
    assert "Moritz M." not in content
    assert other_district.title not in content


def test_a_district_coordinator_cannot_make_a_call_list_for_another_district(
    client, district_coordinator, survey, other_district, make_user
):
    caller = make_user("anruf-mh")
    client.force_login(district_coordinator)

    response = client.post(
        reverse("survey_admin:call_lists", args=[survey.pk]),
        {"district": other_district.pk, "caller": caller.pk, "limit": 10},
    )

    assert response.status_code == 400
    assert not CallList.objects.exists()
