"""Registrations, moved here from the ``dialog`` app; the table stays.

The model is created in this app's state only (``dialog/0014`` removed it from
dialog's), on its old table ``dialog_registration``. The content type row is
renamed, so permissions, group assignments and admin log entries keep working,
and mails queued in the outbox under the dialog app's builder path are pointed
at this app's.
"""

import django.db.models.deletion
import django.db.models.functions.text
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

OLD_LABEL, NEW_LABEL = "dialog", "registrations"
MODELS = ["registration"]
BUILDERS = {
    "dialog.services.registrations.registration_message": (
        "registrations.services.registration_message"
    ),
}



def _outgoing_mail(apps):
    """The outbox rows, in ``home`` or, once ``core/0001`` ran, in ``core``
    (the same table; the two migrations may run in either order)."""
    try:
        return apps.get_model("core", "OutgoingMail")
    except LookupError:
        return apps.get_model("home", "OutgoingMail")

def _rename(apps, schema_editor, *, old, new, builders):
    ContentType = apps.get_model("contenttypes", "ContentType")
    OutgoingMail = _outgoing_mail(apps)
    db = schema_editor.connection.alias
    for model in MODELS:
        if (
            not ContentType.objects.using(db)
            .filter(app_label=new, model=model)
            .exists()
        ):
            ContentType.objects.using(db).filter(app_label=old, model=model).update(
                app_label=new
            )
    for before, after in builders.items():
        OutgoingMail.objects.using(db).filter(builder=before).update(builder=after)


def forward(apps, schema_editor):
    _rename(apps, schema_editor, old=OLD_LABEL, new=NEW_LABEL, builders=BUILDERS)


def backward(apps, schema_editor):
    _rename(
        apps,
        schema_editor,
        old=NEW_LABEL,
        new=OLD_LABEL,
        builders={after: before for before, after in BUILDERS.items()},
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("dialog", "0015_registrations_move_out"),
        ("home", "0007_outgoing_mails"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Registration",
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
                            "name",
                            models.CharField(
                                blank=True, max_length=120, verbose_name="name"
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(
                                blank=True,
                                help_text="Only for guests without account.",
                                max_length=254,
                                verbose_name="email address",
                            ),
                        ),
                        (
                            "organisation",
                            models.CharField(
                                blank=True,
                                max_length=160,
                                verbose_name="organisation or initiative",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("unconfirmed", "Not yet confirmed"),
                                    ("confirmed", "Confirmed"),
                                    ("waiting", "Waiting list"),
                                    ("offered", "Seat offered"),
                                    ("cancelled", "Cancelled"),
                                    ("expired", "Expired"),
                                ],
                                db_index=True,
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                blank=True, max_length=10, verbose_name="language"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now,
                                verbose_name="registered at",
                            ),
                        ),
                        (
                            "queued_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="on the waiting list since",
                            ),
                        ),
                        (
                            "confirmed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="confirmed at"
                            ),
                        ),
                        (
                            "offer_expires_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="offer expires at"
                            ),
                        ),
                        (
                            "cancelled_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="cancelled at"
                            ),
                        ),
                        (
                            "reminded_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="reminded at"
                            ),
                        ),
                        (
                            "consent_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="consent given at"
                            ),
                        ),
                        (
                            "children_ages",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="One age in years per child needing care; 0 means under one.",
                                verbose_name="ages of children",
                            ),
                        ),
                        (
                            "needs_step_free",
                            models.BooleanField(
                                default=False, verbose_name="needs step-free access"
                            ),
                        ),
                        (
                            "accessibility_other",
                            models.TextField(
                                blank=True,
                                max_length=500,
                                verbose_name="other accessibility needs",
                            ),
                        ),
                        (
                            "online",
                            models.BooleanField(
                                default=False, verbose_name="takes part online"
                            ),
                        ),
                        (
                            "anonymised_at",
                            models.DateTimeField(
                                blank=True,
                                help_text="When the person's data was removed (retention period or account erasure); the row stays so seat figures remain.",
                                null=True,
                                verbose_name="anonymised at",
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="registrations",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="registrations",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="account",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "registration",
                        "verbose_name_plural": "registrations",
                        "db_table": "dialog_registration",
                        "ordering": ["created_at", "pk"],
                        "indexes": [
                            models.Index(
                                fields=["page", "status"],
                                name="dialog_regi_page_id_18d342_idx",
                            )
                        ],
                        "constraints": [
                            models.UniqueConstraint(
                                condition=models.Q(
                                    (
                                        "status__in",
                                        [
                                            "unconfirmed",
                                            "confirmed",
                                            "waiting",
                                            "offered",
                                        ],
                                    ),
                                    ("user__isnull", False),
                                ),
                                fields=("page", "user"),
                                name="dialog_registration_one_active_per_user",
                            ),
                            models.UniqueConstraint(
                                models.F("page"),
                                django.db.models.functions.text.Lower("email"),
                                condition=models.Q(
                                    (
                                        "status__in",
                                        [
                                            "unconfirmed",
                                            "confirmed",
                                            "waiting",
                                            "offered",
                                        ],
                                    ),
                                    models.Q(("email", ""), _negated=True),
                                ),
                                name="dialog_registration_one_active_per_email",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    ("user__isnull", False),
                                    models.Q(("email", ""), _negated=True),
                                    ("anonymised_at__isnull", False),
                                    _connector="OR",
                                ),
                                name="dialog_registration_account_or_email",
                            ),
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
