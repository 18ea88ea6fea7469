"""Member surveys move out of ``dialog`` into an app of their own.

The tables keep their names (``dialog_survey`` and so on): the models are
created here in the migration state only, and ``dialog``'s 0014 drops them
from its state. Their content types move to ``surveys``, with the
permissions (``manage_surveys``, ``call_survey_members``) and the groups
that hold them.
"""

import django.db.models.deletion
import django.utils.timezone
import modelcluster.fields
import uuid
from django.conf import settings
from django.db import migrations, models

APP_LABEL = "surveys"
MODELS = [
    "survey",
    "surveyquestion",
    "surveyparticipation",
    "surveyresponse",
    "surveyanswer",
    "surveyphoneconsent",
    "calllist",
    "calllistentry",
]


def _move_content_types(apps, old_label, new_label):
    """Move the content type rows of the moved models to ``new_label``, so
    permissions, group assignments and admin log entries stay with them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MODELS:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        if ContentType.objects.filter(app_label=new_label, model=model).exists():
            continue
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def content_types_forward(apps, schema_editor):
    _move_content_types(apps, "dialog", APP_LABEL)


def content_types_back(apps, schema_editor):
    _move_content_types(apps, APP_LABEL, "dialog")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ('home', '0010_members_collection'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ("dialog", "0013_working_group_open_excludes_members_only"),
        ("members", "0006_district_coordinator_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Survey',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(help_text='As members see it.', max_length=200, verbose_name='title')),
                        ('intro', models.TextField(blank=True, help_text='What the survey is about and how the answers are used.', verbose_name='introduction')),
                        ('status', models.CharField(choices=[('draft', 'Draft'), ('open', 'Open'), ('closed', 'Closed')], default='draft', help_text='Members answer only while the survey is open; a closed survey keeps its results.', max_length=6, verbose_name='status')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                    ],
                    options={
                        'verbose_name': 'survey',
                        'verbose_name_plural': 'surveys',
                        'db_table': 'dialog_survey',
                        'ordering': ['-created_at'],
                        'permissions': [('manage_surveys', 'Can manage member surveys and call lists'), ('call_survey_members', 'Can call members for surveys')],
                    },
                ),
                migrations.CreateModel(
                    name='CallList',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='created at')),
                        ('caller', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='survey_call_lists', to=settings.AUTH_USER_MODEL, verbose_name='caller')),
                        ('created_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='created by')),
                        ('district', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='home.districtpage', verbose_name='district')),
                        ('survey', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='call_lists', to='surveys.survey', verbose_name='survey')),
                    ],
                    options={
                        'verbose_name': 'call list',
                        'verbose_name_plural': 'call lists',
                        'db_table': 'dialog_calllist',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='SurveyPhoneConsent',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('phone', models.CharField(help_text='Only callers of member surveys see it.', max_length=30, verbose_name='phone number')),
                        ('consented_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='consented at')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='survey_phone_consent', to=settings.AUTH_USER_MODEL, verbose_name='member')),
                    ],
                    options={
                        'verbose_name': 'consent to survey calls',
                        'verbose_name_plural': 'consents to survey calls',
                        'db_table': 'dialog_surveyphoneconsent',
                    },
                ),
                migrations.CreateModel(
                    name='SurveyQuestion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('text', models.CharField(help_text='The question as it is asked.', max_length=300, verbose_name='question')),
                        ('kind', models.CharField(choices=[('single', 'Single choice'), ('multiple', 'Multiple choice'), ('scale', 'Scale 1–5'), ('text', 'Free text')], default='single', help_text='How the question is answered.', max_length=8, verbose_name='kind')),
                        ('choices', models.TextField(blank=True, help_text='For single and multiple choice: one answer option per line.', verbose_name='choices')),
                        ('required', models.BooleanField(default=True, help_text='An answer must be given.', verbose_name='required')),
                        ('survey', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='questions', to='surveys.survey', verbose_name='survey')),
                    ],
                    options={
                        'verbose_name': 'question',
                        'verbose_name_plural': 'questions',
                        'db_table': 'dialog_surveyquestion',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='SurveyResponse',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('survey', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='responses', to='surveys.survey', verbose_name='survey')),
                    ],
                    options={
                        'verbose_name': 'survey response',
                        'verbose_name_plural': 'survey responses',
                        'db_table': 'dialog_surveyresponse',
                    },
                ),
                migrations.CreateModel(
                    name='CallListEntry',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('outcome', models.CharField(choices=[('open', 'Not called yet'), ('reached', 'Reached'), ('not_reached', 'Not reached'), ('call_back', 'Call back'), ('declined', 'Declined')], default='open', max_length=11, verbose_name='outcome')),
                        ('called_at', models.DateTimeField(blank=True, null=True, verbose_name='called at')),
                        ('answers_consented_at', models.DateTimeField(blank=True, null=True, verbose_name='consent to record answers given at')),
                        ('call_list', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='entries', to='surveys.calllist', verbose_name='call list')),
                        ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='survey_call_entries', to=settings.AUTH_USER_MODEL, verbose_name='member')),
                    ],
                    options={
                        'verbose_name': 'call list entry',
                        'verbose_name_plural': 'call list entries',
                        'db_table': 'dialog_calllistentry',
                        'constraints': [models.UniqueConstraint(fields=('call_list', 'member'), name='one_entry_per_member_and_list')],
                    },
                ),
                migrations.CreateModel(
                    name='SurveyParticipation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('channel', models.CharField(choices=[('online', 'Online'), ('phone', 'Phone')], default='online', max_length=6, verbose_name='channel')),
                        ('answered_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='answered at')),
                        ('member', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='survey_participations', to=settings.AUTH_USER_MODEL, verbose_name='member')),
                        ('survey', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='participations', to='surveys.survey', verbose_name='survey')),
                    ],
                    options={
                        'verbose_name': 'survey participation',
                        'verbose_name_plural': 'survey participations',
                        'db_table': 'dialog_surveyparticipation',
                        'constraints': [models.UniqueConstraint(fields=('survey', 'member'), name='one_participation_per_member')],
                    },
                ),
                migrations.CreateModel(
                    name='SurveyAnswer',
                    fields=[
                        ('id', models.UUIDField(default=uuid.uuid4, editable=False, primary_key=True, serialize=False)),
                        ('choices', models.JSONField(blank=True, default=list, verbose_name='chosen options')),
                        ('scale', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='scale value')),
                        ('text', models.TextField(blank=True, verbose_name='text')),
                        ('question', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='surveys.surveyquestion', verbose_name='question')),
                        ('response', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='answers', to='surveys.surveyresponse', verbose_name='response')),
                    ],
                    options={
                        'verbose_name': 'answer',
                        'verbose_name_plural': 'answers',
                        'db_table': 'dialog_surveyanswer',
                        'constraints': [models.UniqueConstraint(fields=('response', 'question'), name='one_answer_per_question_asked')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_forward, content_types_back),
    ]
