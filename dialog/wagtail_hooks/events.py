from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.caching import paths_in_every_language
from home.permissions import DistrictScopedPermissionPolicy, DistrictScopedViewSetMixin
from subscriptions.registry import NotifiableKind

from .. import admin_views
from ..models.events import EVENT_KIND, EventPage
from ..models.venues import Venue
from ..models.working_groups import WorkingGroupPage
from ..selectors.events import upcoming_events
from ..selectors.online_links import online_link_for, online_links_for
from ..services.events import event_to_ical

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


@hooks.register("registration_calendar")
def event_registration_calendar(*, page, registration=None):
    """The confirmation mail's calendar file of an event."""
    if not isinstance(page, EventPage):
        return None
    link = online_link_for(item=page, registration=registration)
    return event_to_ical(event=page, url=page.get_full_url(), video_link=link)


@hooks.register("registration_online_links")
def event_registration_online_links(*, page, registration=None):
    """Video links in registration mails (``dialog.selectors.online_links``)."""
    if not isinstance(page, EventPage | WorkingGroupPage):
        return None
    return online_links_for(page=page, registration=registration)


@hooks.register("notifiable_page_kinds")
def event_notifiable_kinds():
    return [NotifiableKind(EVENT_KIND, _("Events"), page_models=(EventPage,), order=30)]


@hooks.register("purge_urls")
def calendars_listing_page(page):
    """The calendar's JSON API (portal/urls.py) and the ``.ics`` feeds that may
    list ``page``: all, its district's, its topics'."""
    specific = page.specific_deferred
    names = [("dialog_feeds:feed_calendar", [])]
    district = getattr(specific, "district", None)
    if district is not None:
        names.append(("dialog_feeds:feed_calendar_district", [district.slug]))
    topics = getattr(specific, "topics", None)
    if topics is not None:
        for slug in topics.values_list("slug", flat=True):
            names.append(("dialog_feeds:feed_calendar_topic", [slug]))
    return {"/api/v2/kalender/"} | paths_in_every_language(names)


@hooks.register("topic_page_sections")
def topic_events(request, topic, locale):
    return {
        "order": 30,
        "title": _("Events"),
        "template": "dialog/includes/event_section.html",
        "items": upcoming_events(
            limit=8, user=request.user, topic=topic, locale=locale
        ),
        "links": [
            (
                _("Calendar file (.ics)"),
                reverse("dialog_feeds:feed_calendar_topic", args=[topic.slug]),
            )
        ],
    }
