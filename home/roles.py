"""The roles tied to a district: its editors and its coordinators.

Made when a DistrictPage is created (``home/wagtail_hooks.py``) and by
``manage.py roles_sync`` (``district_roles_sync``); the mechanism and the
statewide groups are ``core.roles``.
"""

from django.contrib.auth.models import Group
from django.db import transaction

from core.roles import (
    COORDINATION,
    DISTRICT_COORDINATORS_PREFIX,
    DISTRICT_EDITORS_PREFIX,
    EDITOR_PAGE_PERMISSIONS,
    MEDIA_PERMISSIONS,
    admin_access,
    collection_permissions_grant,
    page_permissions_grant,
    permissions_by_name,
    role_permissions,
)

from .models import DistrictCoordinatorGroup, DistrictPage

# Scope of the coordination tools: every district rather than the ones a group
# is tied to (``home.selectors.districts_coordinated_by``).
ALL_DISTRICTS_PERMISSION = "home.coordinate_all_districts"


def district_editors_group_name(district) -> str:
    return f"{DISTRICT_EDITORS_PREFIX} {district.title}"[:150]


@transaction.atomic
def district_editor_group_ensure(district) -> Group:
    """The editors' group of ``district``: its pages, its events, media."""
    group, _created = Group.objects.get_or_create(
        name=district_editors_group_name(district)
    )
    group.permissions.add(admin_access())
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
        admin_access(), *permissions_by_name(role_permissions(COORDINATION))
    )
    return group


def district_roles_sync() -> dict:
    """The editors' and coordinators' groups of every district (``roles_sync``)."""
    districts = list(DistrictPage.objects.order_by("path"))
    return {
        "districts": [district_editor_group_ensure(d).name for d in districts],
        "district_coordinators": list(
            dict.fromkeys(district_coordinator_group_ensure(d).name for d in districts)
        ),
    }
