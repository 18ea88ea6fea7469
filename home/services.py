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


def renditions_prepare(*, image_ids) -> None:
    """Make the renditions of ``image_ids`` in the background once committed."""
    from .tasks import renditions_generate

    ids = sorted({int(pk) for pk in image_ids})
    if ids:
        transaction.on_commit(lambda: renditions_generate.enqueue(image_ids=ids))


def renditions_generate_now(*, image_ids: list[int]) -> int:
    """Every rendition the templates use for these images; returns how many exist.

    Safe to run twice: existing renditions are found, not made again.
    """
    from wagtail.images import get_image_model

    from .renditions import RENDITION_SPECS

    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        try:
            made += len(image.get_renditions(*RENDITION_SPECS))
        except (OSError, ValueError):
            # A missing or broken file: the page shows no image either way.
            continue
    return made
