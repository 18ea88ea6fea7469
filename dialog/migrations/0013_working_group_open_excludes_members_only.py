"""A working group is either open to all or for members only, never both.

Rows (and page revisions) that claimed both lose the "open to all" claim: the
members-only registration is what was enforced, and opening a group to guests
is the editors' decision, not a migration's.
"""

from django.conf import settings
from django.db import migrations, models

BOTH = {"open_to_all": True, "registration_mode": "members"}


def drop_the_false_claim(apps, schema_editor):
    WorkingGroupPage = apps.get_model("dialog", "WorkingGroupPage")
    WorkingGroupPage.objects.filter(**BOTH).update(open_to_all=False)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(
        app_label="dialog", model="workinggrouppage"
    ).first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        content = revision.content
        if all(content.get(key) == value for key, value in BOTH.items()):
            content["open_to_all"] = False
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("dialog", "0012_online_link_help_text"),
        ("home", "0010_members_collection"),
        ("wagtailimages", "0027_image_description"),
        migrations.swappable_dependency(settings.WAGTAIL_PAGE_MODEL),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="workinggrouppage",
            name="open_to_all",
            field=models.BooleanField(
                default=True,
                help_text="Non-members are welcome to join. Cannot be combined with registration for members only.",
                verbose_name="open to all",
            ),
        ),
        migrations.RunPython(drop_the_false_claim, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="workinggrouppage",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("open_to_all", False),
                    models.Q(("registration_mode", "members"), _negated=True),
                    _connector="OR",
                ),
                name="dialog_working_group_open_or_members_only",
            ),
        ),
    ]
