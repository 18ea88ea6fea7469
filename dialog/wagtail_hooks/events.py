from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.permissions import DistrictScopedPermissionPolicy, DistrictScopedViewSetMixin

from .. import admin_views
from ..models import EventPage, Venue
from ..selectors import upcoming_events

# A venue lies in a district: its editors and coordinators keep it.
register_permission_policy(Venue, DistrictScopedPermissionPolicy(Venue))


class VenueViewSet(DistrictScopedViewSetMixin, SnippetViewSet):
    model = Venue
    icon = "site"
    menu_label = _("Venues")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "street", "district", "step_free", "child_friendly"]
    list_filter = ["step_free", "child_friendly", "nursing_room", "changing_table"]
    search_fields = ["name", "street", "postcode"]


register_snippet(VenueViewSet)


@hooks.register("register_admin_urls")
def register_event_admin_urls():
    return [
        path(
            "events/<int:page_id>/copy-next-month/",
            admin_views.event_copy_next_month,
            name="dialog_event_copy_next_month",
        )
    ]


@hooks.register("register_page_header_buttons")
def event_copy_next_month_header_button(page, user, view_name, next_url=None):
    if _can_copy_next_month(page, user):
        yield _copy_next_month_button(page)


@hooks.register("register_page_listing_more_buttons")
def event_copy_next_month_listing_button(page, user, next_url=None):
    if _can_copy_next_month(page, user):
        yield _copy_next_month_button(page)


def _can_copy_next_month(page, user):
    return (
        page.specific_class is EventPage
        and page.get_parent().permissions_for_user(user).can_add_subpage()
    )


def _copy_next_month_button(page):
    return wagtailadmin_widgets.Button(
        _("Copy as next month"),
        reverse("dialog_event_copy_next_month", args=[page.id]),
        icon_name="repeat",
        priority=35,
    )


@hooks.register("home_page_sections")
def home_next_events(request, page):
    return {
        "order": 10,
        "title": _("Next events"),
        "template": "dialog/includes/event_section.html",
        "items": upcoming_events(limit=6, user=request.user, locale=page.locale),
    }


@hooks.register("district_page_sections")
def district_events(request, page):
    return {
        "order": 10,
        "title": _("Events in the district"),
        "template": "dialog/includes/event_section.html",
        "items": upcoming_events(
            limit=8, user=request.user, district=page, locale=page.locale
        ),
    }


@hooks.register("purge_urls")
def calendar_json_lists_events(page):
    """The calendar's JSON API (portal/urls.py) may list any page's event."""
    return {"/api/v2/kalender/"}
