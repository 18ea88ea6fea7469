"""Comments and surveys leave ``dialog`` for apps of their own.

State only: the tables stay (``comments`` and ``surveys`` use them under their
old names; see their 0001 migrations, which also move the content types).
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dialog", "0013_working_group_open_excludes_members_only"),
        ("comments", "0001_initial"),
        ("surveys", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="calllistentry",
                    name="call_list",
                ),
                migrations.RemoveField(
                    model_name="calllistentry",
                    name="member",
                ),
                migrations.RemoveField(
                    model_name="comment",
                    name="author",
                ),
                migrations.RemoveField(
                    model_name="comment",
                    name="moderated_by",
                ),
                migrations.RemoveField(
                    model_name="comment",
                    name="page",
                ),
                migrations.RemoveField(
                    model_name="comment",
                    name="parent",
                ),
                migrations.RemoveField(
                    model_name="commentreport",
                    name="comment",
                ),
                migrations.RemoveField(
                    model_name="commentreport",
                    name="reporter",
                ),
                migrations.RemoveField(
                    model_name="commentreport",
                    name="resolved_by",
                ),
                migrations.RemoveField(
                    model_name="surveyquestion",
                    name="survey",
                ),
                migrations.RemoveField(
                    model_name="surveyresponse",
                    name="survey",
                ),
                migrations.RemoveField(
                    model_name="surveyparticipation",
                    name="survey",
                ),
                migrations.RemoveField(
                    model_name="surveyanswer",
                    name="question",
                ),
                migrations.RemoveField(
                    model_name="surveyanswer",
                    name="response",
                ),
                migrations.RemoveField(
                    model_name="surveyparticipation",
                    name="member",
                ),
                migrations.RemoveField(
                    model_name="surveyphoneconsent",
                    name="user",
                ),
                migrations.DeleteModel(
                    name="CallList",
                ),
                migrations.DeleteModel(
                    name="CallListEntry",
                ),
                migrations.DeleteModel(
                    name="Comment",
                ),
                migrations.DeleteModel(
                    name="CommentReport",
                ),
                migrations.DeleteModel(
                    name="Survey",
                ),
                migrations.DeleteModel(
                    name="SurveyQuestion",
                ),
                migrations.DeleteModel(
                    name="SurveyAnswer",
                ),
                migrations.DeleteModel(
                    name="SurveyResponse",
                ),
                migrations.DeleteModel(
                    name="SurveyParticipation",
                ),
                migrations.DeleteModel(
                    name="SurveyPhoneConsent",
                ),
            ],
            database_operations=[],
        ),
    ]
