"""Roles as Django groups: who may edit which pages and open which tools.

The groups are created by a data migration (``members/migrations``); page
permissions need pages, which editors and ``load_demo`` create, so they are
granted by ``manage.py roles_sync``, which grants every role what the apps
register for it and calls every ``@hooks.register("roles_sync")`` function
(home: district groups; news: press permissions and the briefing workflow).

An app gives a role its permissions by registering a function that returns
``{role: ["app_label.codename", …]}``::

    @hooks.register("register_role_permissions")
    def survey_role_permissions():
        return {COORDINATION: ["surveys.manage_surveys"]}

| group | may |
| --- | --- |
| Presse | news and briefings everywhere, ``PRESS`` permissions |
| Bezirksredaktion <Bezirk> | the pages below their DistrictPage |
| Koordination | ``COORDINATION`` tools, all districts (``STATEWIDE_COORDINATION``) |
| Koordination <Bezirk> | the ``COORDINATION`` tools for their district, no pages |
| Landesgeschäftsstelle | every page and every registered permission |
| Freigabe Briefings | approves decision briefings (second person) |
| Mitglieder | members-only content (verified members) and the files of the private |
|            | collection "Mitglieder" (made by ``home/0010`` and ``roles_sync``) |
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail import hooks
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from .services import members_collection_get

PRESS_GROUP_NAME = "Presse"
COORDINATORS_GROUP_NAME = "Koordination"
STATE_OFFICE_GROUP_NAME = "Landesgeschäftsstelle"
APPROVERS_GROUP_NAME = "Freigabe Briefings"
DISTRICT_EDITORS_PREFIX = "Bezirksredaktion"
DISTRICT_COORDINATORS_PREFIX = COORDINATORS_GROUP_NAME

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page"]
STATE_OFFICE_PAGE_PERMISSIONS = [*EDITOR_PAGE_PERMISSIONS, "bulk_delete_page"]
MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.choose_document",
]

# The roles apps register permissions for. Every role's permissions also go to
# the state office, which has every tool.
# The coordination tools: "Koordination" and every district's coordinators.
COORDINATION = "coordination"
# Scope of the tools: every district, not only the ones a group is tied to.
STATEWIDE_COORDINATION = "statewide_coordination"
# The press office.
PRESS = "press"
# Only the state office.
STATE_OFFICE = "state_office"
ROLES = (COORDINATION, STATEWIDE_COORDINATION, PRESS, STATE_OFFICE)


def role_permissions(role: str) -> list[str]:
    """``app_label.codename`` of every permission the apps register for ``role``."""
    names = []
    for registered in hooks.get_hooks("register_role_permissions"):
        names.extend(registered().get(role, ()))
    return list(dict.fromkeys(names))


def permissions_by_name(names) -> list[Permission]:
    """``app_label.codename`` strings to permissions; unknown ones are left out."""
    found = []
    for name in names:
        app_label, codename = name.split(".", 1)
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            found.append(permission)
    return found


def admin_access() -> Permission:
    return Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )


def page_permissions_grant(*, group: Group, page, codenames) -> None:
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def collection_permissions_grant(*, group: Group, names) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for permission in permissions_by_name(names):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=permission
        )


@transaction.atomic
def coordinator_permissions_grant() -> list[str]:
    """Give "Koordination", "Presse" and the state office the permissions the
    apps register for their roles; returns the coordination tools granted.

    Permissions that do not exist (yet) are skipped, so ``roles_sync`` grants
    them once the tool's app defines them.
    """
    granted = permissions_by_name(role_permissions(COORDINATION))
    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP_NAME)
    coordinators.permissions.add(
        admin_access(),
        *granted,
        *permissions_by_name(role_permissions(STATEWIDE_COORDINATION)),
    )
    press, _created = Group.objects.get_or_create(name=PRESS_GROUP_NAME)
    press.permissions.add(admin_access(), *permissions_by_name(role_permissions(PRESS)))
    state_office, _created = Group.objects.get_or_create(name=STATE_OFFICE_GROUP_NAME)
    state_office.permissions.add(
        admin_access(),
        *permissions_by_name(
            [name for role in ROLES for name in role_permissions(role)]
        ),
    )
    return [
        f"{permission.content_type.app_label}.{permission.codename}"
        for permission in granted
    ]


@transaction.atomic
def roles_sync() -> dict:
    """Bring every role's permissions up to date with the pages and tools there are.

    Repeatable: grants what is missing and changes nothing else.
    """
    report = {
        "coordinator_permissions": coordinator_permissions_grant(),
        "members_collection": members_collection_get().name,
    }
    for sync in hooks.get_hooks("roles_sync"):
        report.update(sync() or {})
    return report
