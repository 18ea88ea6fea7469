"""Registrations in the Wagtail admin and in the member's data.

Organisers' report, CSV export and promote; the own-data export, erasure and
retention of registrations.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem

from members.selectors import account_emails

from . import views
from .models import RegistrationMixin, RegistrationMode
from .selectors import user_can_manage_registrations
from .services import (
    registrations_apply_retention,
    registrations_erase_person,
    registrations_of_person,
    waitlist_offer_next,
)


@hooks.register("register_admin_urls")
def register_registration_admin_urls():
    return [
        path(
            "registrations/",
            views.registration_index_view,
            name="registrations_index",
        ),
        path(
            "registrations/<int:page_id>/",
            views.registration_report_view,
            name="registrations_report",
        ),
        path(
            "registrations/<int:page_id>/csv/",
            views.registration_csv_view,
            name="registrations_csv",
        ),
        path(
            "registrations/<int:page_id>/promote/<int:registration_id>/",
            views.registration_promote_view,
            name="registrations_promote",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return MenuItem(
        _("Registrations"),
        reverse("registrations_index"),
        icon_name="group",
        order=220,
    )


def _takes_registrations(page):
    return (
        issubclass(page.specific_class or type(page), RegistrationMixin)
        and getattr(page.specific_deferred, "registration_mode", None)
        != RegistrationMode.NONE
    )


def _report_button(page):
    return wagtailadmin_widgets.Button(
        _("Registrations"),
        reverse("registrations_report", args=[page.id]),
        icon_name="group",
        priority=36,
    )


@hooks.register("register_page_header_buttons")
def registration_report_header_button(page, user, view_name, next_url=None):
    if _takes_registrations(page) and user_can_manage_registrations(user, page):
        yield _report_button(page)


@hooks.register("register_page_listing_more_buttons")
def registration_report_listing_button(page, user, next_url=None):
    if _takes_registrations(page) and user_can_manage_registrations(user, page):
        yield _report_button(page)


@hooks.register("after_publish_page")
def offer_seats_after_publish(request, page):
    """A raised capacity frees seats: offer them to the waiting list at once."""
    specific = page.specific
    if (
        isinstance(specific, RegistrationMixin)
        and specific.registration_mode != RegistrationMode.NONE
    ):
        waitlist_offer_next(page=specific)


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
