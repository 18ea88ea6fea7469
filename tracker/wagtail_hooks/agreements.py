"""The coalition tracker in the admin, and its sections on event pages."""

from django.core.cache import cache
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.views.generic import CreateView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from core.caching import lists_version, site_version
from core.roles import STATE_OFFICE
from core.views import ForbiddenAs403ViewSetMixin
from home.permissions import DistrictScopedPermissionPolicy, DistrictScopedViewSetMixin
from subscriptions.registry import NotifiableKind

from ..models import AGREEMENT_KIND, AgreementChapter, AgreementItem, StatusUpdate
from ..selectors import agreement_links_for_event
from ..services.agreements import status_update_create
from ..views import admin as admin_views

# The coalition agreement is the state's: changed by statewide roles only.
for _model in (AgreementChapter, AgreementItem):
    register_permission_policy(
        _model, DistrictScopedPermissionPolicy(_model, district_field=None)
    )
# Status updates are history: added and read, never changed or deleted.
register_permission_policy(
    StatusUpdate,
    DistrictScopedPermissionPolicy(
        StatusUpdate, district_field=None, never=("change", "delete")
    ),
)


class ChapterViewSet(
    DistrictScopedViewSetMixin, ForbiddenAs403ViewSetMixin, ModelViewSet
):
    model = AgreementChapter
    icon = "list-ol"
    menu_label = _("Chapters")
    url_prefix = "koalitionsvertrag/kapitel"
    list_display = ["__str__", "agreement"]
    list_filter = ["agreement"]
    search_fields = ["title"]
    panels = [
        FieldPanel("agreement"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("summary"),
        FieldPanel("events"),
    ]


class ItemViewSet(DistrictScopedViewSetMixin, ForbiddenAs403ViewSetMixin, ModelViewSet):
    model = AgreementItem
    icon = "tasks"
    menu_label = _("Agreement items")
    url_prefix = "koalitionsvertrag/punkte"
    list_display = ["__str__", "status", "progress", "status_date", "department"]
    list_filter = ["chapter__agreement", "chapter", "status", "topics"]
    search_fields = ["title", "agreed_text", "department"]
    list_per_page = 50
    inspect_view_enabled = True
    panels = [
        FieldPanel("chapter"),
        FieldPanel("number"),
        FieldPanel("title"),
        FieldPanel("agreed_text"),
        FieldPanel("topics"),
        FieldPanel("department"),
        FieldPanel("briefings"),
        FieldPanel("events"),
    ]

    def get_queryset(self, request):
        return AgreementItem.objects.select_related("chapter")


class StatusUpdateCreateView(CreateView):
    def save_instance(self):
        data = self.form.cleaned_data
        return status_update_create(
            item=data["item"],
            date=data["date"],
            status=data["status"],
            progress=data["progress"],
            note=data["note"],
            source_url=data["source_url"],
            user=self.request.user,
        )


class StatusUpdateViewSet(
    DistrictScopedViewSetMixin, ForbiddenAs403ViewSetMixin, ModelViewSet
):
    model = StatusUpdate
    icon = "history"
    menu_label = _("Status updates")
    url_prefix = "koalitionsvertrag/aenderungen"
    add_view_class = StatusUpdateCreateView
    list_display = ["item", "date", "status", "progress", "created_at"]
    list_filter = ["status", "item__chapter__agreement"]
    search_fields = ["item__title", "note"]
    inspect_view_enabled = True
    form_fields = ["item", "date", "status", "progress", "note", "source_url"]

    def get_queryset(self, request):
        return StatusUpdate.objects.select_related("item__chapter")


class TrackerViewSetGroup(ModelViewSetGroup):
    menu_label = _("Coalition tracker")
    menu_icon = "tasks"
    menu_order = 410
    items = (
        ChapterViewSet("tracker_chapter"),
        ItemViewSet("tracker_item"),
        StatusUpdateViewSet("tracker_status_update"),
    )


@hooks.register("register_admin_viewset")
def register_tracker_viewsets():
    return TrackerViewSetGroup()


@hooks.register("register_admin_urls")
def register_tracker_admin_urls():
    return [
        path(
            "koalitionsvertrag/import/",
            admin_views.item_import,
            name="tracker_item_import",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return PermissionMenuItem(
        _("Import agreement items"),
        reverse("tracker_item_import"),
        icon_name="upload",
        order=411,
        permission=admin_views.IMPORT_PERMISSION,
    )


@hooks.register("event_page_sections")
def event_agreement_section(request, page):
    """A base conference shows the chapters and items it discussed."""
    if page.pk is None:  # the preview of a page not saved yet
        return None
    # Kept until the next tracker change (it purges everything) or page publish
    # (an agreement going offline); half of an uncached event view was this.
    chapters, items = cache.get_or_set(
        f"tracker:event_links:{page.pk}:{lists_version()}",
        lambda: agreement_links_for_event(event=page),
        3600,
    )
    if not (chapters or items):
        return None
    return {
        "order": 10,
        "title": _("Coalition agreement"),
        "template": "tracker/includes/event_agreement_section.html",
        "chapters": chapters,
        "items": items,
    }


@hooks.register("briefing_page_sections")
def briefing_agreement_section(request, page):
    """A briefing names the agreement items its decision touches."""
    if page.pk is None:
        return None
    # Kept until the next tracker or page change (they purge everything).
    items = cache.get_or_set(
        f"tracker:briefing_items:{page.pk}:{site_version()}",
        lambda: list(
            page.agreement_items.filter(chapter__agreement__live=True).select_related(
                "chapter__agreement"
            )
        ),
        3600,
    )
    if not items:
        return None
    return {
        "order": 10,
        "title": _("In the coalition agreement"),
        "template": "tracker/includes/briefing_agreement_section.html",
        "items": items,
    }


@hooks.register("notifiable_page_kinds")
def agreement_notifiable_kinds():
    """Status changes of agreement items: mailed by ``services.notifications``."""
    return [
        NotifiableKind(
            AGREEMENT_KIND, _("Coalition agreement: status changes"), order=50
        )
    ]


@hooks.register("register_role_permissions")
def agreement_role_permissions():
    """The state office keeps the coalition tracker."""
    return {
        STATE_OFFICE: [
            f"tracker.{action}_{model}"
            for model in ("agreementchapter", "agreementitem")
            for action in ("add", "change", "delete", "view")
        ]
        + ["tracker.add_statusupdate", "tracker.view_statusupdate"]
    }
