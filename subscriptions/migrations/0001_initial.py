"""Subscriptions, moved here from the ``news`` app; the tables stay.

The models are created in this app's state only, on their old tables
(``news_subscriber``, ``news_subscription``, ``news_pagenotification``,
``news_delivery``); ``news/0008`` then removes them from news' state. The
content type rows are renamed, so permissions, group assignments and admin
log entries keep working, and tasks queued in the database backend under
``news.tasks`` are pointed at ``subscriptions.tasks``. The kind field has no choices any more: the kinds
are registered by the feature apps (``subscriptions.registry``); the stored
values are the same.
"""

import django.db.models.deletion
import django.db.models.functions.text
from django.conf import settings
from django.db import migrations, models

OLD_LABEL, NEW_LABEL = "news", "subscriptions"
MODELS = ["subscriber", "subscription", "pagenotification", "delivery"]
TASKS = [
    "fan_out_notification",
    "send_notification_batch",
    "resume_notifications",
    "send_digests",
]


def _rename(apps, schema_editor, *, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
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
    TaskResult = apps.get_model("django_tasks_database", "DBTaskResult")
    for name in TASKS:
        TaskResult.objects.using(db).filter(task_path=f"{old}.tasks.{name}").update(
            task_path=f"{new}.tasks.{name}"
        )


def forward(apps, schema_editor):
    _rename(apps, schema_editor, old=OLD_LABEL, new=NEW_LABEL)


def backward(apps, schema_editor):
    _rename(apps, schema_editor, old=NEW_LABEL, new=OLD_LABEL)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("django_tasks_database", "0001_initial"),
        ("home", "0010_members_collection"),
        ("news", "0007_delivery_retries"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PageNotification",
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
                            "status",
                            models.CharField(
                                choices=[
                                    ("pending", "Waiting"),
                                    ("sending", "Sending"),
                                    ("done", "Done"),
                                ],
                                default="pending",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "total",
                            models.PositiveIntegerField(
                                default=0, verbose_name="recipients"
                            ),
                        ),
                        (
                            "sent",
                            models.PositiveIntegerField(default=0, verbose_name="sent"),
                        ),
                        (
                            "failed",
                            models.PositiveIntegerField(
                                default=0, verbose_name="failed"
                            ),
                        ),
                        (
                            "in_digest",
                            models.PositiveIntegerField(
                                default=0, verbose_name="waiting for a digest"
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="created at"
                            ),
                        ),
                        (
                            "recipients_found_at",
                            models.DateTimeField(
                                blank=True,
                                null=True,
                                verbose_name="recipients found at",
                            ),
                        ),
                        (
                            "started_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="started at"
                            ),
                        ),
                        (
                            "finished_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="finished at"
                            ),
                        ),
                        (
                            "progressed_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="last progress"
                            ),
                        ),
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "send",
                        "verbose_name_plural": "sends",
                        "db_table": "news_pagenotification",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="Subscriber",
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
                            "email",
                            models.EmailField(
                                help_text="Stored in lower case; one subscriber per address.",
                                max_length=254,
                                verbose_name="email address",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[
                                    ("de", "German"),
                                    ("en", "English"),
                                    ("tr", "Turkish"),
                                    ("ar", "Arabic"),
                                ],
                                default="de",
                                help_text="Language of the mails.",
                                max_length=10,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "confirmed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="confirmed at"
                            ),
                        ),
                        (
                            "consent_version",
                            models.CharField(
                                max_length=20, verbose_name="consent wording version"
                            ),
                        ),
                        (
                            "consent_given_at",
                            models.DateTimeField(verbose_name="consent given at"),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="created at"
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                blank=True,
                                help_text="Set when a member manages their subscriptions in their account.",
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="subscriber",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="account",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "subscriber",
                        "verbose_name_plural": "subscribers",
                        "db_table": "news_subscriber",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.CreateModel(
                    name="Delivery",
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
                            "frequency",
                            models.CharField(
                                choices=[
                                    ("immediate", "Immediately"),
                                    ("daily", "Daily digest"),
                                    ("weekly", "Weekly digest"),
                                ],
                                max_length=10,
                                verbose_name="frequency",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("queued", "Queued"),
                                    ("sending", "Sending"),
                                    ("sent", "Sent"),
                                    ("failed", "Failed"),
                                    ("skipped", "Skipped"),
                                ],
                                default="queued",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "claimed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="claimed at"
                            ),
                        ),
                        (
                            "sent_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="sent at"
                            ),
                        ),
                        (
                            "error",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="error"
                            ),
                        ),
                        (
                            "attempts",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="attempts"
                            ),
                        ),
                        (
                            "next_attempt_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="next attempt at"
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.WAGTAIL_PAGE_MODEL,
                                verbose_name="page",
                            ),
                        ),
                        (
                            "notification",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="deliveries",
                                to="subscriptions.pagenotification",
                                verbose_name="send",
                            ),
                        ),
                        (
                            "subscriber",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="deliveries",
                                to="subscriptions.subscriber",
                                verbose_name="subscriber",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "delivery",
                        "verbose_name_plural": "deliveries",
                        "db_table": "news_delivery",
                    },
                ),
                migrations.CreateModel(
                    name="Subscription",
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
                            "kind",
                            models.CharField(
                                blank=True, max_length=10, verbose_name="content kind"
                            ),
                        ),
                        (
                            "frequency",
                            models.CharField(
                                choices=[
                                    ("immediate", "Immediately"),
                                    ("daily", "Daily digest"),
                                    ("weekly", "Weekly digest"),
                                ],
                                default="immediate",
                                max_length=10,
                                verbose_name="frequency",
                            ),
                        ),
                        (
                            "created_at",
                            models.DateTimeField(
                                auto_now_add=True, verbose_name="created at"
                            ),
                        ),
                        (
                            "district",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="home.districtpage",
                                verbose_name="district",
                            ),
                        ),
                        (
                            "subscriber",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="subscriptions",
                                to="subscriptions.subscriber",
                                verbose_name="subscriber",
                            ),
                        ),
                        (
                            "topic",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="home.topic",
                                verbose_name="topic",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "subscription",
                        "verbose_name_plural": "subscriptions",
                        "db_table": "news_subscription",
                    },
                ),
                migrations.AddConstraint(
                    model_name="subscriber",
                    constraint=models.UniqueConstraint(
                        django.db.models.functions.text.Lower("email"),
                        name="unique_news_subscriber_email_ci",
                    ),
                ),
                migrations.AddIndex(
                    model_name="delivery",
                    index=models.Index(
                        fields=["notification", "status"], name="news_delivery_progress"
                    ),
                ),
                migrations.AddIndex(
                    model_name="delivery",
                    index=models.Index(
                        fields=["frequency", "status"], name="news_delivery_digest"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="delivery",
                    constraint=models.UniqueConstraint(
                        fields=("subscriber", "page"), name="unique_news_delivery"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="subscription",
                    constraint=models.CheckConstraint(
                        condition=models.Q(
                            models.Q(
                                ("district__isnull", True),
                                ("kind", ""),
                                ("topic__isnull", False),
                            ),
                            models.Q(
                                ("district__isnull", False),
                                ("kind", ""),
                                ("topic__isnull", True),
                            ),
                            models.Q(
                                ("district__isnull", True),
                                ("topic__isnull", True),
                                models.Q(("kind", ""), _negated=True),
                            ),
                            _connector="OR",
                        ),
                        name="news_subscription_exactly_one_target",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="subscription",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("topic__isnull", False)),
                        fields=("subscriber", "topic"),
                        name="unique_news_subscription_topic",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="subscription",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("district__isnull", False)),
                        fields=("subscriber", "district"),
                        name="unique_news_subscription_district",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="subscription",
                    constraint=models.UniqueConstraint(
                        condition=models.Q(("kind", ""), _negated=True),
                        fields=("subscriber", "kind"),
                        name="unique_news_subscription_kind",
                    ),
                ),
            ],
        ),
        migrations.RunPython(forward, backward),
    ]
