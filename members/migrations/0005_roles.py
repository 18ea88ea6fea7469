"""The portal's roles as groups (see home/roles.py).

Page permissions below district pages and news sections need those pages;
``manage.py roles_sync`` grants them (and is repeatable). This migration makes
the groups, the state office's rights on the whole page tree, the tools'
model permissions and the second-approval workflow for decision briefings.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

PRESS = "Presse"
COORDINATORS = "Koordination"
STATE_OFFICE = "Landesgeschäftsstelle"
APPROVERS = "Freigabe Briefings"
WORKFLOW = "Zweite Freigabe"
TASK = "Freigabe durch eine zweite Person"
PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "bulk_delete_page",
]
MEDIA = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def create_roles(apps, schema_editor):
    # Model permissions are normally made after all migrations (post_migrate).
    for label in ("dialog", "news"):
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    access_admin = _permission(apps, "wagtailadmin", "access_admin")
    moderate = _permission(apps, "dialog", "moderate_all_comments")

    press, _ = Group.objects.get_or_create(name=PRESS)
    coordinators, _ = Group.objects.get_or_create(name=COORDINATORS)
    state_office, _ = Group.objects.get_or_create(name=STATE_OFFICE)
    approvers, _ = Group.objects.get_or_create(name=APPROVERS)
    for group in (press, coordinators, state_office):
        group.permissions.add(access_admin)
    for group in (press, state_office):
        group.permissions.add(moderate)

    root = Page.objects.filter(depth=1).first()
    if root is not None:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=state_office,
                page=root,
                permission=_permission(apps, "wagtailcore", codename),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for group in (press, state_office):
            for app_label, codename in MEDIA:
                permission = _permission(apps, app_label, codename)
                if permission is not None:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group, collection=root_collection, permission=permission
                    )

    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    SecondPersonApprovalTask = apps.get_model("news", "SecondPersonApprovalTask")
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW, defaults={"active": True}
    )
    task = SecondPersonApprovalTask.objects.filter(name=TASK).first()
    if task is None:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="news", model="secondpersonapprovaltask"
        )
        task = SecondPersonApprovalTask.objects.create(
            name=TASK, content_type=content_type, active=True
        )
    task.groups.add(approvers)
    WorkflowTask.objects.get_or_create(
        workflow=workflow, task_id=task.pk, defaults={"sort_order": 0}
    )


def remove_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Group.objects.filter(name__in=[PRESS, COORDINATORS, STATE_OFFICE, APPROVERS]).delete()
    apps.get_model("wagtailcore", "Workflow").objects.filter(name=WORKFLOW).delete()
    apps.get_model("news", "SecondPersonApprovalTask").objects.filter(
        name=TASK
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_onboarding"),
        ("home", "0006_district_data_page"),
        ("news", "0005_second_person_approval_task"),
        ("dialog", "0007_working_group_coordinators"),
        ("education", "0003_comments"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
