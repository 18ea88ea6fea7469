"""Admin: "Confirm memberships" for district offices and the state office."""

import django_filters
from django.contrib.admin.utils import unquote
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Site
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import register_permission_policy

from core.audit import personal_data_accessed
from core.people import display_name
from core.views import ForbiddenAs403ViewSetMixin
from home.selectors import districts_managed_by

from .. import admin_views
from ..models import MembershipVerification
from ..permissions import can_decide_verification, can_decide_verifications
from ..selectors import verifications_visible_to


class VerificationPermissionPolicy(BasePermissionPolicy):
    """Requests are only viewed here; deciding goes through the services.

    A district editor sees the requests of their districts, the state office and
    superusers all of them. Nobody adds, edits or deletes requests in the admin.
    """

    def user_has_permission(self, user, action):
        return action == "view" and can_decide_verifications(user)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return action == "view" and can_decide_verification(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if "view" not in actions:
            return MembershipVerification.objects.none()
        return verifications_visible_to(user)


register_permission_policy(
    MembershipVerification, VerificationPermissionPolicy(MembershipVerification)
)


def _district_choices(request):
    return districts_managed_by(request.user).order_by("title")


class VerificationFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=MembershipVerification.Status.choices
    )
    district = django_filters.ModelChoiceFilter(
        label=_("District"), queryset=_district_choices
    )

    class Meta:
        model = MembershipVerification
        fields = ["status", "district"]


class DecisionColumn(Column):
    """Confirm (one POST) and reject buttons while pending; who and when after.

    A confirmed request also links to the revoke form.
    """

    cell_template_name = "members/admin/verification_actions_cell.html"

    def __init__(self, viewset, **kwargs):
        super().__init__("decision", label=_("Decision"), **kwargs)
        self.viewset = viewset

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        context.update(
            csrf_token=get_token(request),
            confirm_url=reverse(
                self.viewset.get_url_name("confirm"), args=[instance.pk]
            ),
            reject_url=reverse(self.viewset.get_url_name("reject"), args=[instance.pk]),
            revoke_url=reverse(self.viewset.get_url_name("revoke"), args=[instance.pk]),
            decided_by=display_name(instance.decided_by) if instance.decided_by else "",
            revoked_by=display_name(instance.revoked_by) if instance.revoked_by else "",
        )
        return context


def _site_root(request):
    site = Site.find_for_request(request) or Site.objects.first()
    return site.root_page if site else request.user


class VerificationIndexView(IndexView):
    def get_base_queryset(self):
        return verifications_visible_to(self.request.user).order_by("-requested_at")

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        shown = len(context.get("object_list") or [])
        if shown:
            personal_data_accessed(
                user=self.request.user,
                instance=_site_root(self.request),
                what="membership verifications",
                count=shown,
            )
        return context


class VerificationInspectView(InspectView):
    def get_object(self, queryset=None):
        visible = verifications_visible_to(self.request.user)
        return get_object_or_404(visible, pk=unquote(str(self.pk)))

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        personal_data_accessed(
            user=self.request.user,
            instance=self.object,
            what="membership verification",
            count=1,
        )
        return context

    @cached_property
    def header_buttons(self):
        buttons = super().header_buttons
        if self.object.status == MembershipVerification.Status.CONFIRMED:
            buttons = [
                *buttons,
                HeaderButton(
                    _("Revoke membership"),
                    url=reverse(
                        "membership_verifications:revoke", args=[self.object.pk]
                    ),
                    icon_name="cross",
                ),
            ]
        return buttons


class VerificationHistoryView(HistoryView):
    def get_base_object_queryset(self):
        return verifications_visible_to(self.request.user)


class VerificationUsageView(UsageView):
    def get_base_object_queryset(self):
        return verifications_visible_to(self.request.user)


class MembershipVerificationViewSet(ForbiddenAs403ViewSetMixin, ModelViewSet):
    model = MembershipVerification
    name = "membership_verifications"
    url_prefix = "mitgliedschaften"
    icon = "user"
    menu_label = _("Confirm memberships")
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = VerificationIndexView
    inspect_view_class = VerificationInspectView
    history_view_class = VerificationHistoryView
    usage_view_class = VerificationUsageView
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = VerificationFilterSet
    # Add and edit views exist but the permission policy never allows them.
    form_fields = ["rejection_reason"]
    inspect_view_fields = [
        "membership_number",
        "district",
        "status",
        "requested_at",
        "decided_by",
        "decided_at",
        "rejection_reason",
        "revoked_by",
        "revoked_at",
        "revocation_reason",
    ]

    @cached_property
    def list_display(self):
        return [
            Column(
                "person",
                label=_("Person"),
                accessor=lambda verification: display_name(verification.user),
            ),
            Column("email", label=_("Email address"), accessor="user.email"),
            Column("membership_number", label=_("Membership number")),
            Column("district", label=_("District"), accessor="district.title"),
            Column("status", label=_("Status"), accessor="get_status_display"),
            DateColumn("requested_at", label=_("Requested at")),
            DecisionColumn(self),
        ]

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("index")) + "?status=pending"

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/bestaetigen/", admin_views.confirm, name="confirm"),
            path("<int:pk>/ablehnen/", admin_views.reject, name="reject"),
            path("<int:pk>/widerrufen/", admin_views.revoke, name="revoke"),
        ]


@hooks.register("register_admin_viewset")
def register_membership_verification_viewset():
    return MembershipVerificationViewSet()
