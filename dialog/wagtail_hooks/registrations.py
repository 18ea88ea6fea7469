"""Organisers' registration report, CSV export and promote, in the Wagtail admin."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.menu import MenuItem

from ..models.registrations import RegistrationMixin, RegistrationMode
from ..selectors.registrations import user_can_manage_registrations
from ..services.registrations import waitlist_offer_next
from ..views import registrations as views


@hooks.register("register_admin_urls")
def register_registration_admin_urls():
    return [
        path(
            "registrations/",
            views.registration_index_view,
            name="dialog_registration_index",
        ),
        path(
            "registrations/<int:page_id>/",
            views.registration_report_view,
            name="dialog_registration_report",
        ),
        path(
            "registrations/<int:page_id>/csv/",
            views.registration_csv_view,
            name="dialog_registration_csv",
        ),
        path(
            "registrations/<int:page_id>/promote/<int:registration_id>/",
            views.registration_promote_view,
            name="dialog_registration_promote",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_registrations_menu_item():
    return MenuItem(
        _("Registrations"),
        reverse("dialog_registration_index"),
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
        reverse("dialog_registration_report", args=[page.id]),
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
