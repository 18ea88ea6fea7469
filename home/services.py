from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page, PageViewRestriction

from .models import MEMBERS_GROUP_NAME


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
