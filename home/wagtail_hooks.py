from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import widgets as wagtailadmin_widgets
from wagtail.admin.ui.components import Component
from wagtail.models import Site
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.caching import paths_in_every_language
from core.csv_import import csv_import_view
from core.roles import STATEWIDE_COORDINATION
from core.views import admin_forbidden_as_403

from .district_data import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, FigureImporter
from .models import DistrictDataPage, DistrictPage, SiteSettings, Topic
from .permissions import DistrictScopedPermissionPolicy, DistrictScopedViewSetMixin
from .roles import (
    ALL_DISTRICTS_PERMISSION,
    district_coordinator_group_ensure,
    district_editor_group_ensure,
    district_roles_sync,
)
from .services import legal_pages_missing

# Topics are statewide.
register_permission_policy(
    Topic, DistrictScopedPermissionPolicy(Topic, district_field=None)
)


class TopicViewSet(DistrictScopedViewSetMixin, SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    search_fields = ["name"]


register_snippet(TopicViewSet)

hooks.register("roles_sync", district_roles_sync)


@hooks.register("register_role_permissions")
def statewide_coordination_permissions():
    return {STATEWIDE_COORDINATION: [ALL_DISTRICTS_PERMISSION]}


def district_data_import_view(request, page_id):
    """Import a DistrictDataPage's figures from CSV: dry run first, all or nothing."""
    page = get_object_or_404(DistrictDataPage, id=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied

    def import_figures(*, rows, dry_run, cleaned_data):
        report = FigureImporter(page=page).run(
            rows=rows, dry_run=dry_run, user=request.user
        )
        if report.applied and not getattr(report, "published", True):
            messages.warning(
                request,
                gettext(
                    "The figures are saved in a draft of the page; "
                    "publish it to show them."
                ),
            )
        return report

    return csv_import_view(
        request,
        importer=import_figures,
        required=REQUIRED_COLUMNS,
        optional=OPTIONAL_COLUMNS,
        title=gettext("Import figures: %(page)s") % {"page": page.title},
        back_url=reverse("wagtailadmin_pages:edit", args=[page.pk]),
        columns=_district_data_columns(),
    )


def _district_data_columns():
    return [
        ("district", _("Name of the district page, e.g. Pankow (required)")),
        ("year", _("Year of the figures, e.g. 2026 (required)")),
        ("members", _("Members at the end of the year (required)")),
        ("inhabitants", _("Inhabitants of the district")),
        ("election_result", _("Election result in percent, e.g. 12,4")),
        ("events_held", _("Events held in the year")),
        ("new_members", _("New members welcomed in the year")),
    ]


@hooks.register("register_admin_urls")
def register_district_data_urls():
    return [
        path(
            "bezirksdaten/<int:page_id>/import/",
            admin_forbidden_as_403("core/admin/forbidden.html")(
                district_data_import_view
            ),
            name="home_district_data_import",
        )
    ]


def _district_data_import_button(page, user):
    if (
        issubclass(page.specific_class or type(page), DistrictDataPage)
        and page.permissions_for_user(user).can_edit()
    ):
        yield wagtailadmin_widgets.Button(
            _("Import figures (CSV)"),
            reverse("home_district_data_import", args=[page.pk]),
            icon_name="upload",
            priority=40,
        )


@hooks.register("register_page_header_buttons")
def district_data_import_header_button(page, user, view_name, next_url=None):
    yield from _district_data_import_button(page, user)


@hooks.register("register_page_listing_more_buttons")
def district_data_import_listing_button(page, user, next_url=None):
    yield from _district_data_import_button(page, user)


@hooks.register("after_create_page")
def district_editors_for_new_district(request, page):
    """A new district page gets its editors' and coordinators' groups at once
    (home.roles)."""
    if isinstance(page.specific, DistrictPage):
        district_editor_group_ensure(page.specific)
        district_coordinator_group_ensure(page.specific)


class LegalPagesPanel(Component):
    """Warns until the privacy and accessibility pages are published and chosen."""

    name = "legal_pages"
    order = 10
    template_name = "home/admin/legal_pages_panel.html"

    def __init__(self, missing):
        self.missing = missing

    def get_context_data(self, parent_context=None):
        labels = {
            field: SiteSettings._meta.get_field(field).verbose_name
            for field in self.missing
        }
        return {"missing": list(labels.values())}


@hooks.register("construct_homepage_panels")
def legal_pages_warning(request, panels):
    if not request.user.has_perm("home.change_sitesettings"):
        return
    site = (
        Site.find_for_request(request)
        or Site.objects.filter(is_default_site=True).first()
    )
    if site is None:
        return
    missing = legal_pages_missing(site=site)
    if missing:
        panels.append(LegalPagesPanel(missing))


@hooks.register("purge_urls")
def topic_pages_listing_page(page):
    """The topic pages that may list ``page``: the index and its topics' pages
    (with the ``topics`` page cache group, one of them drops them all, so a
    topic taken off the page is dropped too)."""
    topics = getattr(page.specific_deferred, "topics", None)
    if topics is None:
        return set()
    names = [("topics:index", [])]
    for slug in topics.values_list("slug", flat=True):
        names.append(("topics:detail", [slug]))
    return paths_in_every_language(names)
