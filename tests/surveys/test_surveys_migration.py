"""Moving surveys out of ``dialog`` keeps the rows, the content types and the
permissions that groups and people hold."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from surveys.models import (
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyPhoneConsent,
    SurveyResponse,
)

BEFORE = [
    ("dialog", "0013_working_group_open_excludes_members_only"),
    ("surveys", None),
]


def _migrate(targets):
    """Migrate to ``targets``; the models as the applied migrations have them."""
    MigrationExecutor(connection).migrate(targets)
    executor = MigrationExecutor(connection)
    return executor._create_project_state(with_applied_migrations=True).apps


def _content_types(app_label):
    return set(
        ContentType.objects.filter(app_label=app_label).values_list("pk", "model")
    )


def _leaves():
    return MigrationExecutor(connection).loader.graph.leaf_nodes()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_surveys_survive_the_move_with_content_types_and_permissions():
    before = _content_types("surveys")
    assert {model for _pk, model in before} >= {"survey", "calllistentry"}

    old = _migrate(BEFORE)

    assert not _content_types("surveys")
    OldContentType = old.get_model("contenttypes", "ContentType")
    OldPermission = old.get_model("auth", "Permission")
    survey_type = OldContentType.objects.get(app_label="dialog", model="survey")
    user = old.get_model("auth", "User").objects.create(username="clara")
    survey = old.get_model("dialog", "Survey").objects.create(
        title="Mitgliederbefragung", status="open"
    )
    question = old.get_model("dialog", "SurveyQuestion").objects.create(
        survey=survey, text="Zufrieden?", kind="scale", sort_order=0
    )
    old.get_model("dialog", "SurveyParticipation").objects.create(
        survey=survey, member_id=user.pk
    )
    response = old.get_model("dialog", "SurveyResponse").objects.create(survey=survey)
    old.get_model("dialog", "SurveyAnswer").objects.create(
        response=response, question=question, scale=4
    )
    old.get_model("dialog", "SurveyPhoneConsent").objects.create(
        user_id=user.pk, phone="030 1234567"
    )
    team = old.get_model("auth", "Group").objects.create(name="Umfrageteam")
    team.permissions.add(
        OldPermission.objects.get(content_type=survey_type, codename="manage_surveys")
    )
    team.user_set.add(user.pk)
    user.user_permissions.add(
        OldPermission.objects.get(
            content_type=survey_type, codename="call_survey_members"
        )
    )

    _migrate(_leaves())

    assert _content_types("surveys") == before
    assert not ContentType.objects.filter(app_label="dialog", model="survey").exists()
    assert Survey.objects.get().questions.get().text == "Zufrieden?"
    assert SurveyParticipation.objects.get(survey__pk=survey.pk).member_id == user.pk
    assert SurveyResponse.objects.get().answers.get().scale == 4
    assert SurveyAnswer.objects.get().question_id == question.pk
    assert SurveyPhoneConsent.objects.get().phone == "030 1234567"
    member = get_user_model().objects.get(pk=user.pk)
    assert member.has_perm("surveys.manage_surveys")
    assert member.has_perm("surveys.call_survey_members")
