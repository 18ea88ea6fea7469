"""Subscribers and the progress of notification sends in the Wagtail admin.

Press staff (superusers, or a group with "Can view send") follow each send:
sent / total / failed. Both lists are read-only: sends are made by publishing,
subscriptions by their owners. Subscriber addresses are shown masked; staff
with the delete permission can erase a subscriber on request.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy

from core.people import is_verified_member
from core.roles import STATE_OFFICE
from core.views import ForbiddenAs403ViewSetMixin
from home.permissions import DistrictScopedPermissionPolicy, DistrictScopedViewSetMixin

from ..models import PageNotification, Subscriber

# Statewide data, never added or edited through the admin.
for _model in (PageNotification, Subscriber):
    register_permission_policy(
        _model,
        DistrictScopedPermissionPolicy(
            _model, district_field=None, never=("add", "change")
        ),
    )


def mask_email(email):
    """``r***@example.org``: enough to recognise, not enough to harvest."""
    local, _sep, domain = email.partition("@")
    return f"{local[:1]}***@{domain}"


class ProgressColumn(Column):
    def get_value(self, instance):
        return f"{instance.sent} / {instance.total}"


class PageNotificationViewSet(
    DistrictScopedViewSetMixin, ForbiddenAs403ViewSetMixin, ModelViewSet
):
    model = PageNotification
    icon = "mail"
    menu_label = _("Sends")
    url_prefix = "versand"
    add_to_admin_menu = False
    inspect_view_enabled = True
    list_display = [
        "page",
        "status",
        ProgressColumn("progress", label=_("Sent / total")),
        "failed",
        "in_digest",
        "created_at",
        "finished_at",
    ]
    list_filter = ["status"]
    form_fields = []  # never edited: the policy grants no add or change
    inspect_view_fields = [
        "page",
        "status",
        "total",
        "sent",
        "failed",
        "in_digest",
        "created_at",
        "started_at",
        "finished_at",
    ]
    ordering = ["-created_at"]

    def get_queryset(self, request):
        return PageNotification.objects.select_related("page")


class MaskedEmailColumn(Column):
    def get_value(self, instance):
        return mask_email(instance.email)


class SubscriberViewSet(
    DistrictScopedViewSetMixin, ForbiddenAs403ViewSetMixin, ModelViewSet
):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    url_prefix = "abonnierende"
    add_to_admin_menu = False
    list_display = [
        MaskedEmailColumn("email", label=_("email address")),
        "language",
        "confirmed_at",
        "created_at",
    ]
    list_filter = ["language"]
    form_fields = []
    search_fields = ["email"]
    ordering = ["-created_at"]


class SubscriptionsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Subscriptions")
    menu_icon = "mail"
    menu_order = 400
    items = (PageNotificationViewSet("versand"), SubscriberViewSet("abonnierende"))


@hooks.register("register_admin_viewset")
def register_subscription_viewsets():
    return SubscriptionsViewSetGroup()


@hooks.register("district_page_sections")
def district_subscribe_link(request, page):
    """A "follow this district" link on every district page."""
    return {
        "order": 90,
        "title": _("Follow this district"),
        "template": "subscriptions/includes/district_section.html",
        "items": [],
        "subscribe_url": reverse("subscriptions:subscription_subscribe")
        + f"?district={page.pk}",
    }


@hooks.register("topic_page_sections")
def topic_subscribe_link(request, topic, locale):
    """A "subscribe to this topic" link among a topic page's links.

    The form offers the German topics, so the link names the German one.
    """
    if topic.locale.language_code != settings.LANGUAGE_CODE:
        topic = (
            type(topic)
            .objects.filter(
                translation_key=topic.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
            or topic
        )
    return {
        "order": 90,
        "title": _("Subscribe to the topic"),
        "template": None,
        "items": [],
        "links": [
            (
                _("Subscribe by email"),
                reverse("subscriptions:subscription_subscribe") + f"?topic={topic.pk}",
            )
        ],
    }


@hooks.register("member_profile_links")
def profile_subscriptions_link(request):
    """Verified members manage their subscriptions from their profile."""
    if is_verified_member(request.user):
        return (_("My subscriptions"), reverse("subscriptions:subscription_mine"))
    return None


@hooks.register("register_role_permissions")
def notification_role_permissions():
    """The state office reads who was notified."""
    return {
        STATE_OFFICE: [
            "subscriptions.view_pagenotification",
            "subscriptions.view_subscriber",
        ]
    }
