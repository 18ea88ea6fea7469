"""Admin: the welcome standard (dashboard, overview, import) and the mail text."""

from django.contrib.auth.models import Permission
from django.db.models import Q
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import SnippetViewSet

from core.roles import COORDINATION
from core.views import admin_forbidden_as_403
from home.permissions import DistrictScopedPermissionPolicy, DistrictScopedViewSetMixin

from ..models import Onboarding, WelcomeMailText
from ..selectors.onboarding import can_manage_onboarding
from ..views import onboarding as views

_forbidden_as_403 = admin_forbidden_as_403("members/admin/onboarding/forbidden.html")


class OnboardingMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_onboarding(request.user)


class OnboardingViewSet(ViewSet):
    name = "onboarding"
    url_prefix = "neue-mitglieder"
    icon = "group"
    menu_label = _("Welcome checklist")
    menu_order = 100

    def get_urlpatterns(self):
        return [
            path("", _forbidden_as_403(views.dashboard_view), name="index"),
            path("<int:pk>/", _forbidden_as_403(views.detail_view), name="detail"),
            path("<int:pk>/schritt/", _forbidden_as_403(views.step_view), name="step"),
            path("bezirke/", _forbidden_as_403(views.overview_view), name="overview"),
            path("import/", _forbidden_as_403(views.import_view), name="import"),
        ]

    @cached_property
    def menu_url(self):
        return reverse("onboarding:index")

    @cached_property
    def menu_item_class(self):
        return OnboardingMenuItem


class OnboardingOverviewViewSet(ViewSet):
    """Only a menu entry: the overview lives under the dashboard's URLs."""

    name = "onboarding_overview"
    icon = "table"
    menu_label = _("Districts compared")
    menu_order = 110

    def get_urlpatterns(self):
        return []

    @cached_property
    def menu_url(self):
        return reverse("onboarding:overview")

    @cached_property
    def menu_item_class(self):
        return OnboardingMenuItem


# One welcome text per language for the whole state.
register_permission_policy(
    WelcomeMailText,
    DistrictScopedPermissionPolicy(WelcomeMailText, district_field=None),
)


class WelcomeMailTextViewSet(DistrictScopedViewSetMixin, SnippetViewSet):
    model = WelcomeMailText
    icon = "mail"
    menu_label = _("Welcome mail")
    menu_order = 120
    list_display = ["language", "subject", "updated_at"]


class NewMembersGroup(ViewSetGroup):
    menu_label = _("New members")
    menu_icon = "group"
    menu_order = 240
    items = (OnboardingViewSet, OnboardingOverviewViewSet, WelcomeMailTextViewSet)


@hooks.register("register_admin_viewset")
def register_new_members():
    return NewMembersGroup()


@hooks.register("register_permissions")
def onboarding_permissions():
    return Permission.objects.filter(
        content_type__app_label="members",
        codename__in=[
            "manage_onboarding",
            "add_welcomemailtext",
            "change_welcomemailtext",
            "delete_welcomemailtext",
            "view_welcomemailtext",
        ],
    )


def _records_of(user):
    """The person's record, also one imported for their address but not linked yet."""
    mine = Q(user=user)
    if user.email:
        mine |= Q(user__isnull=True, email__iexact=user.email)
    return Onboarding.objects.filter(mine)


def _date(value):
    return value.isoformat() if value else None


@hooks.register("member_data_export")
def export_onboarding(user):
    onboarding = (
        _records_of(user).select_related("district").prefetch_related("steps").first()
    )
    return "onboarding", onboarding and {
        "name": onboarding.name,
        "email": onboarding.email,
        "district": onboarding.district.title if onboarding.district else None,
        "joined_on": _date(onboarding.joined_on),
        "source": onboarding.source,
        "phone": onboarding.phone,
        "steps": [
            {
                "step": step.step,
                "done_at": _date(step.done_at),
                "note": step.note,
            }
            for step in onboarding.steps.all()
        ],
    }


@hooks.register("member_data_erase")
def erase_onboarding(user):
    _records_of(user).delete()


@hooks.register("register_role_permissions")
def onboarding_role_permissions():
    return {COORDINATION: ["members.manage_onboarding"]}
