"""``OutgoingMail`` moves from ``home`` to ``core``; its table stays.

State only: the table ``home_outgoingmail`` keeps its name and rows
(``Meta.db_table``). The content type row is renamed rather than made anew,
so permissions on it and admin log entries keep pointing at it. Mails kept
with their text name their builder by its dotted path, which moved too.
"""

import django.utils.timezone
from django.db import migrations, models

OLD_BUILDER = "home.outbox.stored_message"
NEW_BUILDER = "core.outbox.stored_message"


def _rename_content_type(apps, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    old = ContentType.objects.filter(app_label=old_label, model="outgoingmail")
    if not ContentType.objects.filter(app_label=new_label, model="outgoingmail").exists():
        old.update(app_label=new_label)


def _rename_builder(apps, old, new):
    OutgoingMail = apps.get_model("core", "OutgoingMail")
    OutgoingMail.objects.filter(builder=old).update(builder=new)


def forward(apps, schema_editor):
    _rename_content_type(apps, "home", "core")
    _rename_builder(apps, OLD_BUILDER, NEW_BUILDER)


def backward(apps, schema_editor):
    _rename_content_type(apps, "core", "home")
    _rename_builder(apps, NEW_BUILDER, OLD_BUILDER)


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0010_members_collection"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="OutgoingMail",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("builder", models.CharField(max_length=200, verbose_name="built by")),
                        ("arguments", models.JSONField(blank=True, default=dict, verbose_name="arguments")),
                        ("state", models.CharField(choices=[("queued", "Queued"), ("sending", "Sending"), ("sent", "Sent"), ("failed", "Failed"), ("dropped", "No longer needed")], default="queued", max_length=10, verbose_name="state")),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created at")),
                        ("next_attempt_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="next attempt at")),
                        ("claimed_at", models.DateTimeField(blank=True, null=True, verbose_name="claimed at")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent at")),
                        ("error", models.CharField(blank=True, max_length=300, verbose_name="error")),
                    ],
                    options={
                        "verbose_name": "outgoing mail",
                        "verbose_name_plural": "outgoing mails",
                        "db_table": "home_outgoingmail",
                        "indexes": [models.Index(fields=["state", "next_attempt_at"], name="home_mail_due")],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(forward, backward),
    ]
