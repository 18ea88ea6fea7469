"""Survey answers leave the accounts they were stored with.

Each old response becomes a participation row (who took part, how, when) and
an anonymous response with random keys, copied in random order, so neither a
column nor the order of rows joins the two. The old tables are dropped.
"""

import random
import uuid

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def split_answers_from_accounts(apps, schema_editor):
    Participation = apps.get_model("dialog", "SurveyParticipation")
    Response = apps.get_model("dialog", "SurveyResponse")
    Answer = apps.get_model("dialog", "SurveyAnswer")
    OldResponse = apps.get_model("dialog", "LegacySurveyResponse")
    OldAnswer = apps.get_model("dialog", "LegacySurveyAnswer")
    old = list(OldResponse.objects.all())
    Participation.objects.bulk_create(
        [
            Participation(
                survey_id=response.survey_id,
                member_id=response.respondent_id,
                channel=response.channel,
                answered_at=response.created_at,
            )
            for response in sorted(old, key=lambda response: response.created_at)
            if response.respondent_id is not None
        ]
    )
    random.SystemRandom().shuffle(old)
    answers = {}
    for answer in OldAnswer.objects.all():
        answers.setdefault(answer.response_id, []).append(answer)
    for response in old:
        new = Response.objects.create(id=uuid.uuid4(), survey_id=response.survey_id)
        Answer.objects.bulk_create(
            [
                Answer(
                    id=uuid.uuid4(),
                    response=new,
                    question_id=answer.question_id,
                    choices=answer.choices,
                    scale=answer.scale,
                    text=answer.text,
                )
                for answer in answers.get(response.pk, [])
            ]
        )


def join_nothing_back(apps, schema_editor):
    """Going back keeps the answers, without any respondent: the link is gone."""
    Response = apps.get_model("dialog", "SurveyResponse")
    OldResponse = apps.get_model("dialog", "LegacySurveyResponse")
    OldAnswer = apps.get_model("dialog", "LegacySurveyAnswer")
    for response in Response.objects.prefetch_related("answers"):
        old = OldResponse.objects.create(survey_id=response.survey_id)
        OldAnswer.objects.bulk_create(
            [
                OldAnswer(
                    response=old,
                    question_id=answer.question_id,
                    choices=answer.choices,
                    scale=answer.scale,
                    text=answer.text,
                )
                for answer in response.answers.all()
            ]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("dialog", "0010_index_event_start"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="surveyresponse", name="one_response_per_member"
        ),
        migrations.RemoveConstraint(
            model_name="surveyanswer", name="one_answer_per_question"
        ),
        migrations.RenameModel("SurveyResponse", "LegacySurveyResponse"),
        migrations.RenameModel("SurveyAnswer", "LegacySurveyAnswer"),
        migrations.AlterField(
            model_name="legacysurveyresponse",
            name="survey",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="dialog.survey",
            ),
        ),
        migrations.AlterField(
            model_name="legacysurveyresponse",
            name="respondent",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AlterField(
            model_name="legacysurveyanswer",
            name="question",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="+",
                to="dialog.surveyquestion",
            ),
        ),
        migrations.CreateModel(
            name="SurveyParticipation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True,
                        primary_key=True,
                        serialize=False,
                        verbose_name="ID",
                    ),
                ),
                (
                    "channel",
                    models.CharField(
                        choices=[("online", "Online"), ("phone", "Phone")],
                        default="online",
                        max_length=6,
                        verbose_name="channel",
                    ),
                ),
                (
                    "answered_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="answered at"
                    ),
                ),
                (
                    "member",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="survey_participations",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="member",
                    ),
                ),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="participations",
                        to="dialog.survey",
                        verbose_name="survey",
                    ),
                ),
            ],
            options={
                "verbose_name": "survey participation",
                "verbose_name_plural": "survey participations",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("survey", "member"),
                        name="one_participation_per_member",
                    )
                ],
            },
        ),
        migrations.CreateModel(
            name="SurveyResponse",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "survey",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="responses",
                        to="dialog.survey",
                        verbose_name="survey",
                    ),
                ),
            ],
            options={
                "verbose_name": "survey response",
                "verbose_name_plural": "survey responses",
            },
        ),
        migrations.CreateModel(
            name="SurveyAnswer",
            fields=[
                (
                    "id",
                    models.UUIDField(
                        default=uuid.uuid4,
                        editable=False,
                        primary_key=True,
                        serialize=False,
                    ),
                ),
                (
                    "choices",
                    models.JSONField(
                        blank=True, default=list, verbose_name="chosen options"
                    ),
                ),
                (
                    "scale",
                    models.PositiveSmallIntegerField(
                        blank=True, null=True, verbose_name="scale value"
                    ),
                ),
                ("text", models.TextField(blank=True, verbose_name="text")),
                (
                    "question",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="dialog.surveyquestion",
                        verbose_name="question",
                    ),
                ),
                (
                    "response",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="answers",
                        to="dialog.surveyresponse",
                        verbose_name="response",
                    ),
                ),
            ],
            options={
                "verbose_name": "answer",
                "verbose_name_plural": "answers",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("response", "question"),
                        name="one_answer_per_question_asked",
                    )
                ],
            },
        ),
        migrations.RunPython(split_answers_from_accounts, join_nothing_back),
        migrations.DeleteModel("LegacySurveyAnswer"),
        migrations.DeleteModel("LegacySurveyResponse"),
    ]
