"""Working-group memberships and coordinator roles in export and erasure."""

from wagtail import hooks

from registrations.models import Registration

from ..models.coordinators import WorkingGroupCoordinator
from ..models.working_groups import WorkingGroupPage


def _date(value):
    return value.isoformat() if value else None


def _memberships(user):
    return Registration.objects.filter(
        user=user, page__in=WorkingGroupPage.objects.values("pk")
    )


@hooks.register("member_data_export")
def export_working_groups(user):
    return "working_groups", {
        "memberships": [
            {
                "group": registration.page.title,
                "status": registration.status,
                "joined_at": _date(
                    registration.confirmed_at or registration.created_at
                ),
                "left_at": _date(registration.cancelled_at),
            }
            for registration in _memberships(user)
            .select_related("page")
            .order_by("created_at", "pk")
        ],
        "coordinates": [
            coordinator.page.title
            for coordinator in WorkingGroupCoordinator.objects.filter(user=user)
            .select_related("page")
            .order_by("page__title")
        ],
    }


@hooks.register("member_data_erase")
def erase_working_groups(user):
    """Coordinator roles go; memberships are registrations, ended and
    anonymised with the others (``privacy.erase_registrations``)."""
    WorkingGroupCoordinator.objects.filter(user=user).delete()
