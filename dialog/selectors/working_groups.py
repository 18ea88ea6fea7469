"""Reads about working groups: how many members, and who may see them."""

from registrations.models import Registration
from registrations.selectors import user_can_manage_registrations

from ..models.coordinators import WorkingGroupCoordinator


def working_group_member_count(*, page) -> int:
    """Members who joined and have not left (shown to everyone)."""
    return (
        Registration.objects.filter(page_id=page.pk)
        .filter(status=Registration.Status.CONFIRMED)
        .count()
    )


def is_working_group_coordinator(*, user, page) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return WorkingGroupCoordinator.objects.filter(page_id=page.pk, user=user).exists()


def working_group_members_visible_to(*, user, page) -> bool:
    """The group's coordinators, and the organisers of the page (its editors,
    their district's office, the state office); never the other members."""
    return is_working_group_coordinator(
        user=user, page=page
    ) or user_can_manage_registrations(user, page)


def working_group_members(*, page):
    """The members in the order they joined, with the names to show."""
    return (
        Registration.objects.filter(page_id=page.pk)
        .filter(status=Registration.Status.CONFIRMED)
        .select_related("user__profile")
        .order_by("confirmed_at", "pk")
    )
