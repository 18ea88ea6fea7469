"""The members' group and what it guards: members-only pages and files."""

from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Page,
    PageViewRestriction,
)

from .people import MEMBERS_GROUP_NAME

# The private collection for files of members-only pages (core.file_protection).
MEMBERS_COLLECTION_NAME = "Mitglieder"


def members_group_get() -> Group:
    group, _created = Group.objects.get_or_create(name=MEMBERS_GROUP_NAME)
    return group


@transaction.atomic
def page_members_only_set(*, page: Page, members_only: bool) -> None:
    """Restrict ``page`` to the members group, or lift that restriction.

    Other restrictions an editor set through the privacy dialog stay untouched.
    """
    group = members_group_get()
    restrictions = PageViewRestriction.objects.filter(
        page=page, restriction_type=PageViewRestriction.GROUPS, groups=group
    )
    if members_only and not restrictions.exists():
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(group)
    elif not members_only:
        restrictions.delete()


@transaction.atomic
def members_collection_get() -> Collection:
    """The collection for files of members-only pages, private to the members group.

    Wagtail protects a file by its collection, not by the page that links it;
    this collection's privacy matches the members-only pages' restriction.
    Repeatable: makes what is missing, restores the members' restriction.
    """
    root = Collection.get_first_root_node()
    collection = (
        Collection.objects.filter(depth=2, name=MEMBERS_COLLECTION_NAME)
        .order_by("path")
        .first()
    ) or root.add_child(name=MEMBERS_COLLECTION_NAME)
    group = members_group_get()
    if not CollectionViewRestriction.objects.filter(
        collection=collection,
        restriction_type=CollectionViewRestriction.GROUPS,
        groups=group,
    ).exists():
        restriction = CollectionViewRestriction.objects.create(
            collection=collection,
            restriction_type=CollectionViewRestriction.GROUPS,
        )
        restriction.groups.add(group)
    return collection
