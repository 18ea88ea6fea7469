"""Comments move out of ``dialog`` into an app of their own.

The tables keep their names (``dialog_comment``, ``dialog_commentreport``):
the models are created here in the migration state only, and ``dialog``'s
0014 drops them from its state. Their content types move to ``comments``;
mails waiting in the outbox are built by the function's new path.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

APP_LABEL = "comments"
MODELS = ["comment", "commentreport"]



def _outgoing_mail(apps):
    """The outbox rows, in ``home`` or, once ``core/0001`` ran, in ``core``
    (the same table; the two migrations may run in either order)."""
    try:
        return apps.get_model("core", "OutgoingMail")
    except LookupError:
        return apps.get_model("home", "OutgoingMail")

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


OLD_BUILDER = "dialog.services.comments.comment_reply_message"
NEW_BUILDER = "comments.services.comment_reply_message"


def _outbox_builder(apps, old, new):
    OutgoingMail = _outgoing_mail(apps)
    OutgoingMail.objects.filter(builder=old).update(builder=new)


def outbox_forward(apps, schema_editor):
    _outbox_builder(apps, OLD_BUILDER, NEW_BUILDER)


def outbox_back(apps, schema_editor):
    _outbox_builder(apps, NEW_BUILDER, OLD_BUILDER)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ("dialog", "0013_working_group_open_excludes_members_only"),
        ("members", "0006_district_coordinator_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0010_members_collection"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Comment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('body', models.TextField(max_length=3000, verbose_name='text')),
                        ('body_normalized', models.TextField(default='', editable=False)),
                        ('status', models.CharField(choices=[('pending', 'Waiting for approval'), ('approved', 'Approved'), ('rejected', 'Rejected'), ('hidden', 'Hidden')], db_index=True, default='pending', max_length=10, verbose_name='status')),
                        ('moderation_reason', models.TextField(blank=True, verbose_name='moderation reason')),
                        ('moderated_at', models.DateTimeField(blank=True, null=True, verbose_name='moderated at')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='written at')),
                        ('edited_at', models.DateTimeField(blank=True, null=True, verbose_name='edited at')),
                        ('deleted_at', models.DateTimeField(null=True, verbose_name='deleted by the author at')),
                        ('notify_on_reply', models.BooleanField(default=False, verbose_name='mail me about replies')),
                        ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='portal_comments', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                        ('moderated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='moderated by')),
                        ('page', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='portal_comments', to=settings.WAGTAIL_PAGE_MODEL, verbose_name='page')),
                        ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='comments.comment', verbose_name='reply to')),
                    ],
                    options={
                        'verbose_name': 'comment',
                        'verbose_name_plural': 'comments',
                        'db_table': 'dialog_comment',
                        'ordering': ['created_at', 'pk'],
                        'permissions': [('moderate_all_comments', 'Can moderate comments on every page')],
                    },
                ),
                migrations.CreateModel(
                    name='CommentReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reason', models.CharField(choices=[('insult', 'Insult or harassment'), ('discrimination', 'Racism, sexism or other discrimination'), ('privacy', 'Reveals personal data'), ('spam', 'Spam or advertising'), ('false', 'Deliberately false claims'), ('other', 'Other')], max_length=20, verbose_name='reason')),
                        ('text', models.TextField(blank=True, max_length=1000, verbose_name='details')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='reported at')),
                        ('resolved_at', models.DateTimeField(blank=True, null=True, verbose_name='resolved at')),
                        ('comment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='reports', to='comments.comment', verbose_name='comment')),
                        ('reporter', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='reported by')),
                        ('resolved_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='resolved by')),
                    ],
                    options={
                        'verbose_name': 'comment report',
                        'verbose_name_plural': 'comment reports',
                        'db_table': 'dialog_commentreport',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.AddIndex(
                    model_name='comment',
                    index=models.Index(fields=['page', 'created_at'], name='dialog_comm_page_id_e04050_idx'),
                ),
                migrations.AddIndex(
                    model_name='comment',
                    index=models.Index(fields=['author', 'created_at'], name='dialog_comm_author__2af95a_idx'),
                ),
                migrations.AddConstraint(
                    model_name='commentreport',
                    constraint=models.UniqueConstraint(condition=models.Q(('resolved_at__isnull', True)), fields=('comment', 'reporter'), name='one_open_report_per_reporter'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_forward, content_types_back),
        migrations.RunPython(outbox_forward, outbox_back),
    ]
