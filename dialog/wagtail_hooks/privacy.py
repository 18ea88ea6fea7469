"""Registrations in the own-data export, erasure and retention."""

from wagtail import hooks

from members.selectors import account_emails

from ..services.registrations import (
    registrations_apply_retention,
    registrations_erase_person,
    registrations_of_person,
)


def _date(value):
    return value.isoformat() if value else None


@hooks.register("member_data_export")
def export_registrations(user):
    registrations = (
        registrations_of_person(user=user, emails=account_emails(user))
        .select_related("page")
        .order_by("created_at", "pk")
    )
    return "registrations", [
        {
            "page": registration.page.title,
            "as_guest": registration.user_id is None,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "status": registration.status,
            "language": registration.language,
            "registered_at": _date(registration.created_at),
            "confirmed_at": _date(registration.confirmed_at),
            "waiting_since": _date(registration.queued_at),
            "cancelled_at": _date(registration.cancelled_at),
            "consent_given_at": _date(registration.consent_at),
            "children_ages": registration.children_ages,
            "needs_step_free": registration.needs_step_free,
            "other_accessibility_needs": registration.accessibility_other,
            "online": registration.online,
        }
        for registration in registrations
    ]


@hooks.register("member_data_erase")
def erase_registrations(user):
    """Rows stay for seat figures, without the person (see the retention job)."""
    registrations_erase_person(user=user, emails=account_emails(user))


@hooks.register("data_retention")
def registration_retention(*, now):
    return registrations_apply_retention(now=now)
