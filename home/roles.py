"""Roles as Django groups: who may edit which pages and open which tools.

The groups are created by a data migration (``members/migrations``); page
permissions need pages, which editors and ``load_demo`` create, so they are
granted by the functions here: when a DistrictPage is created (hook in
``home/wagtail_hooks.py``) and by ``manage.py roles_sync``, which also calls
every ``@hooks.register("roles_sync")`` function of the other apps (news:
press permissions and the briefing workflow).

| group | may |
| --- | --- |
| Presse | news and briefings everywhere, comment moderation |
| Bezirksredaktion <Bezirk> | the pages below their DistrictPage |
| Koordination | the coordination tools (``COORDINATOR_PERMISSIONS``), all districts |
| Koordination <Bezirk> | the coordination tools for their district, no pages |
| Landesgeschäftsstelle | every page and every tool |
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
# The coordination tools; permissions that do not exist (yet) are skipped, so
# ``roles_sync`` grants them once the tool's app defines them.
COORDINATOR_PERMISSIONS = [
    "members.search_volunteer_pool",
    "members.manage_onboarding",
    "members.coordinate_mentoring",
    "surveys.manage_surveys",
]
# Scope of the tools: every district rather than the ones a group is tied to
# (``home.selectors.districts_coordinated_by``).
ALL_DISTRICTS_PERMISSION = "home.coordinate_all_districts"
PRESS_PERMISSIONS = [
    "comments.moderate_all_comments",
    "tracker.view_evaluation_report",
]
# Keeping the coalition tracker and reading who was notified: the state office.
TRACKER_PERMISSIONS = [
    f"tracker.{action}_{model}"
    for model in ("agreementchapter", "agreementitem")
    for action in ("add", "change", "delete", "view")
] + ["tracker.add_statusupdate", "tracker.view_statusupdate"]
NOTIFICATION_PERMISSIONS = [
    "subscriptions.view_pagenotification",
    "subscriptions.view_subscriber",
]
# The state office has every tool: the coordinators' and the press office's.
STATE_OFFICE_PERMISSIONS = [
    *COORDINATOR_PERMISSIONS,
    ALL_DISTRICTS_PERMISSION,
    *PRESS_PERMISSIONS,
    *TRACKER_PERMISSIONS,
    *NOTIFICATION_PERMISSIONS,
]


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


def _admin_access() -> Permission:
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


def district_editors_group_name(district) -> str:
    return f"{DISTRICT_EDITORS_PREFIX} {district.title}"[:150]


@transaction.atomic
def district_editor_group_ensure(district) -> Group:
    """The editors' group of ``district``: its pages, its events, media."""
    group, _created = Group.objects.get_or_create(
        name=district_editors_group_name(district)
    )
    group.permissions.add(_admin_access())
    page_permissions_grant(
        group=group, page=district, codenames=EDITOR_PAGE_PERMISSIONS
    )
    collection_permissions_grant(group=group, names=MEDIA_PERMISSIONS)
    return group


def district_coordinators_group_name(district) -> str:
    return f"{DISTRICT_COORDINATORS_PREFIX} {district.title}"[:150]


@transaction.atomic
def district_coordinator_group_ensure(district) -> Group:
    """The coordinators' group of ``district``: the tools for it, no page rights.

    The group is found through its ``DistrictCoordinatorGroup`` row, so a
    renamed district keeps its coordinators.
    """
    from .models import DistrictCoordinatorGroup, DistrictPage

    # Translations of a district share the group of the first (German) page.
    district = (
        DistrictPage.objects.filter(translation_key=district.translation_key)
        .order_by("pk")
        .first()
    )
    link = (
        DistrictCoordinatorGroup.objects.select_related("group")
        .filter(district=district)
        .first()
    )
    if link is None:
        group, _created = Group.objects.get_or_create(
            name=district_coordinators_group_name(district)
        )
        DistrictCoordinatorGroup.objects.create(district=district, group=group)
    else:
        group = link.group
    group.permissions.add(
        _admin_access(), *permissions_by_name(COORDINATOR_PERMISSIONS)
    )
    return group


@transaction.atomic
def coordinator_permissions_grant() -> list[str]:
    """Give "Koordination", "Presse" and the state office the tools there are now,
    and every district's coordinators' group the tools for its district."""
    from .models import DistrictCoordinatorGroup

    granted = permissions_by_name(COORDINATOR_PERMISSIONS)
    coordinators, _created = Group.objects.get_or_create(name=COORDINATORS_GROUP_NAME)
    coordinators.permissions.add(
        _admin_access(), *granted, *permissions_by_name([ALL_DISTRICTS_PERMISSION])
    )
    for link in DistrictCoordinatorGroup.objects.select_related("group"):
        link.group.permissions.add(_admin_access(), *granted)
    press, _created = Group.objects.get_or_create(name=PRESS_GROUP_NAME)
    press.permissions.add(_admin_access(), *permissions_by_name(PRESS_PERMISSIONS))
    state_office, _created = Group.objects.get_or_create(name=STATE_OFFICE_GROUP_NAME)
    state_office.permissions.add(
        _admin_access(), *permissions_by_name(STATE_OFFICE_PERMISSIONS)
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
    from .models import DistrictPage

    districts = list(DistrictPage.objects.order_by("path"))
    report = {
        "districts": [district_editor_group_ensure(d).name for d in districts],
        "district_coordinators": list(
            dict.fromkeys(district_coordinator_group_ensure(d).name for d in districts)
        ),
        "coordinator_permissions": coordinator_permissions_grant(),
        "members_collection": members_collection_get().name,
    }
    for sync in hooks.get_hooks("roles_sync"):
        report.update(sync() or {})
    return report
