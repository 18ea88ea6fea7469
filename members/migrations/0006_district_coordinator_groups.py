"""A "Koordination <Bezirk>" group for every existing district (home.roles).

The coordination tools were scoped by page permissions, so the state-wide
"Koordination" group found nobody. Each district now gets a coordinators'
group with the tools and no page rights, tied to it by a
``DistrictCoordinatorGroup`` row; "Koordination" and the state office get
``home.coordinate_all_districts``. New districts get their group when the page
is created, and ``manage.py roles_sync`` repeats all of this.
"""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Koordination"
STATE_OFFICE = "Landesgeschäftsstelle"
TOOLS = [
    ("members", "search_volunteer_pool"),
    ("members", "manage_onboarding"),
    ("members", "coordinate_mentoring"),
    ("dialog", "manage_surveys"),
]


def _permission(apps, app_label, codename):
    Permission = apps.get_model("auth", "Permission")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def create_district_coordinators(apps, schema_editor):
    for label in ("home", "members", "dialog"):
        create_permissions(global_apps.get_app_config(label), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    DistrictPage = apps.get_model("home", "DistrictPage")
    DistrictCoordinatorGroup = apps.get_model("home", "DistrictCoordinatorGroup")
    access_admin = _permission(apps, "wagtailadmin", "access_admin")
    all_districts = _permission(apps, "home", "coordinate_all_districts")
    tools = [
        permission
        for permission in (_permission(apps, *name) for name in TOOLS)
        if permission is not None
    ]
    for name in (COORDINATORS, STATE_OFFICE):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(all_districts)

    seen = set()
    for district in DistrictPage.objects.order_by("pk"):
        # Translations share the first page's group.
        if district.translation_key in seen:
            continue
        seen.add(district.translation_key)
        if DistrictCoordinatorGroup.objects.filter(district=district).exists():
            continue
        group, _ = Group.objects.get_or_create(
            name=f"{COORDINATORS} {district.title}"[:150]
        )
        group.permissions.add(access_admin, *tools)
        DistrictCoordinatorGroup.objects.create(district=district, group=group)


def remove_district_coordinators(apps, schema_editor):
    DistrictCoordinatorGroup = apps.get_model("home", "DistrictCoordinatorGroup")
    group_ids = list(DistrictCoordinatorGroup.objects.values_list("group", flat=True))
    apps.get_model("auth", "Group").objects.filter(pk__in=group_ids).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0005_roles"),
        ("home", "0009_district_coordinator_groups"),
    ]

    operations = [
        migrations.RunPython(
            create_district_coordinators, remove_district_coordinators
        )
    ]
