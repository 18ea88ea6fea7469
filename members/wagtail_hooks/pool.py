"""Admin: coordinators search the volunteer pool and write through the portal.

Plain admin views rather than a ModelViewSet: a search that never lists
contact data, a message form and the sender's own messages, each answering a
real 403 to anyone without ``members.search_volunteer_pool``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from core.audit import personal_data_accessed
from core.people import display_name
from core.roles import COORDINATION
from core.views import admin_forbidden_as_403
from home.selectors import districts_coordinated_by

from ..forms import PoolMessageForm, PoolSearchForm
from ..models import PoolEntry, PoolMessage
from ..selectors import (
    can_search_pool,
    pool_entries_contactable,
    pool_entries_in_scope_of,
    pool_messages_sent_by,
    pool_search,
    pool_skill_names,
)
from ..services import pool_message_send
from ..views.pool import pool_profile_link

PER_PAGE = 50

_forbidden_as_403 = admin_forbidden_as_403("members/admin/pool_forbidden.html")


class CoordinatorMixin(WagtailAdminTemplateMixin):
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not can_search_pool(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("volunteer_pool:search"),
                "label": gettext_lazy("Volunteer pool"),
            },
            {"url": "", "label": self.get_page_title()},
        ]


def _audit_instance(request, district):
    """What a search result view is logged against: the district, or the site."""
    if district is not None:
        return district
    managed = list(districts_coordinated_by(request.user)[:2])
    if len(managed) == 1:
        return managed[0]
    site = Site.find_for_request(request) or Site.objects.first()
    return site.root_page if site else request.user


class PoolSearchView(CoordinatorMixin, TemplateView):
    template_name = "members/admin/pool_search.html"
    page_title = gettext_lazy("Search the volunteer pool")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        districts = districts_coordinated_by(user).order_by("title")
        form = PoolSearchForm(
            self.request.GET or None,
            districts=districts,
            skill_names=pool_skill_names(),
        )
        context["form"] = form
        context["searched"] = bool(self.request.GET)
        if self.request.GET and not form.is_valid():
            return context
        data = form.cleaned_data if form.is_bound else {}
        entries = pool_search(
            user=user,
            skills=data.get("skills") or (),
            district=data.get("district"),
            language=data.get("language") or "",
            availability=data.get("availability") or "",
        )
        paginator = Paginator(entries, PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        rows = [
            {
                "entry": entry,
                "name": display_name(entry.user),
                "skills": entry.skill_labels(),
                "districts": sorted(d.title for d in entry.districts.all()),
            }
            for entry in page.object_list
        ]
        if rows:
            personal_data_accessed(
                user=user,
                instance=_audit_instance(self.request, data.get("district")),
                what="Mitmach-Pool: Suche",
                count=len(rows),
            )
        query = self.request.GET.copy()
        query.pop("p", None)
        context.update(
            rows=rows, page=page, total=paginator.count, query=query.urlencode()
        )
        return context


class PoolMessageCreateView(CoordinatorMixin, FormView):
    form_class = PoolMessageForm
    template_name = "members/admin/pool_message_form.html"
    page_title = gettext_lazy("Write through the portal")

    def dispatch(self, request, *args, **kwargs):
        if not can_search_pool(request.user):
            raise PermissionDenied
        self.entry = get_object_or_404(
            pool_entries_in_scope_of(request.user).select_related("user__profile"),
            pk=kwargs["pk"],
        )
        self.contactable = pool_entries_contactable().filter(pk=self.entry.pk).exists()
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if not self.contactable:
            response.status_code = 409
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["name"] = display_name(self.entry.user)
        context["entry"] = self.entry
        context["contactable"] = self.contactable
        return context

    def form_valid(self, form):
        try:
            message = pool_message_send(
                sender=self.request.user, entry=self.entry, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.render_to_response(self.get_context_data(form=form), status=400)
        messages.success(
            self.request,
            _("Your message to %(name)s is on its way.")
            % {"name": display_name(self.entry.user)},
        )
        return redirect("volunteer_pool:message", message.pk)

    def form_invalid(self, form):
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PoolMessageListView(CoordinatorMixin, TemplateView):
    template_name = "members/admin/pool_message_list.html"
    page_title = gettext_lazy("My messages to the pool")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(pool_messages_sent_by(self.request.user), PER_PAGE)
        page = paginator.get_page(self.request.GET.get("p"))
        context["page"] = page
        context["rows"] = [
            (message, display_name(message.recipient)) for message in page.object_list
        ]
        return context


class PoolMessageDetailView(CoordinatorMixin, TemplateView):
    template_name = "members/admin/pool_message_detail.html"
    page_title = gettext_lazy("Message")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        mine = pool_messages_sent_by(self.request.user)
        message = mine.filter(pk=kwargs["pk"]).first()
        if message is None:
            raise Http404
        context["message"] = message
        context["name"] = display_name(message.recipient)
        return context


urlpatterns = [
    path("", _forbidden_as_403(PoolSearchView.as_view()), name="search"),
    path(
        "<int:pk>/schreiben/",
        _forbidden_as_403(PoolMessageCreateView.as_view()),
        name="write",
    ),
    path(
        "nachrichten/",
        _forbidden_as_403(PoolMessageListView.as_view()),
        name="messages",
    ),
    path(
        "nachrichten/<int:pk>/",
        _forbidden_as_403(PoolMessageDetailView.as_view()),
        name="message",
    ),
]


@hooks.register("register_admin_urls")
def register_pool_admin_urls():
    return [
        path(
            "mitmachen-pool/",
            include((urlpatterns, "volunteer_pool"), namespace="volunteer_pool"),
        )
    ]


class CoordinatorMenuItem(MenuItem):
    def __init__(self, *args, check, **kwargs):
        super().__init__(*args, **kwargs)
        self.check = check

    def is_shown(self, request):
        return self.check(request.user)


@hooks.register("register_admin_menu_item")
def register_pool_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Volunteer pool"),
        reverse("volunteer_pool:search"),
        name="volunteer-pool",
        icon_name="group",
        order=260,
        check=can_search_pool,
    )


hooks.register("member_profile_links", pool_profile_link)


def _date(value):
    return value.isoformat() if value else None


@hooks.register("member_data_export")
def export_pool(user):
    entry = PoolEntry.objects.filter(user=user).prefetch_related("skills", "districts")
    entry = entry.first()
    return "volunteer_pool", {
        "entry": entry
        and {
            "skills": sorted(tag.name for tag in entry.skills.all()),
            "districts": sorted(d.title for d in entry.districts.all()),
            "languages": sorted(entry.languages),
            "availability": sorted(entry.availability),
            "availability_note": entry.availability_note,
            "contact_consented_at": _date(entry.contact_consented_at),
            "contact_consent_version": entry.contact_consent_version,
            "contact_consent_withdrawn_at": _date(entry.contact_consent_withdrawn_at),
            "paused": entry.paused,
            "paused_until": _date(entry.paused_until),
            "created_at": _date(entry.created_at),
        },
        "messages_received": [
            {
                "subject": message.subject,
                "text": message.body,
                "sent_at": _date(message.created_at),
                "status": message.status,
                "answer": message.answer,
                "answered_at": _date(message.answered_at),
            }
            for message in PoolMessage.objects.filter(recipient=user).order_by(
                "created_at"
            )
        ],
        "messages_sent": [
            {
                "subject": message.subject,
                "text": message.body,
                "sent_at": _date(message.created_at),
            }
            for message in PoolMessage.objects.filter(sender=user).order_by(
                "created_at"
            )
        ],
    }


@hooks.register("member_data_erase")
def erase_pool(user):
    """Delete the entry and the messages to the person; sent ones lose their sender."""
    PoolEntry.objects.filter(user=user).delete()
    PoolMessage.objects.filter(recipient=user).delete()
    PoolMessage.objects.filter(sender=user).update(sender=None)


@hooks.register("register_role_permissions")
def pool_role_permissions():
    return {COORDINATION: ["members.search_volunteer_pool"]}
