"""Admin: mentoring coordinators see open applications, match pairs, follow them.

Self-identification is shown here and nowhere else; every view answers 403 to
anyone without ``members.coordinate_mentoring``.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from core.audit import personal_data_accessed
from core.people import display_name
from core.roles import COORDINATION
from core.views import admin_forbidden_as_403

from ..forms import MentoringMatchForm, MentoringPairCloseForm
from ..models import MentoringApplication, MentoringPair
from ..selectors import (
    can_coordinate_mentoring,
    mentoring_applications_open,
    mentoring_pairs_coordinated_by,
)
from ..services import mentoring_match, mentoring_pair_close
from ..views.mentoring import mentoring_profile_link
from .pool import CoordinatorMenuItem

_forbidden_as_403 = admin_forbidden_as_403("members/admin/mentoring_forbidden.html")
Role = MentoringApplication.Role


def _require_coordinator(request):
    if not can_coordinate_mentoring(request.user):
        raise PermissionDenied


def _site_root(request):
    site = Site.find_for_request(request) or Site.objects.first()
    return site.root_page if site else request.user


class MentoringMixin(WagtailAdminTemplateMixin):
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        _require_coordinator(request)
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("mentoring:applications"),
                "label": gettext_lazy("Mentoring"),
            },
            {"url": "", "label": self.get_page_title()},
        ]


class ApplicationsView(MentoringMixin, TemplateView):
    template_name = "members/admin/mentoring_applications.html"
    page_title = gettext_lazy("Open mentoring applications")

    def get_form(self):
        return MentoringMatchForm(
            self.request.POST if self.request.method == "POST" else None,
            mentees=mentoring_applications_open(Role.MENTEE, user=self.request.user),
            mentors=mentoring_applications_open(Role.MENTOR, user=self.request.user),
        )

    def get_context_data(self, form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        mentees = list(mentoring_applications_open(Role.MENTEE, user=user))
        mentors = list(mentoring_applications_open(Role.MENTOR, user=user))
        for application in mentees + mentors:
            application.name = display_name(application.user)
        context.update(mentees=mentees, mentors=mentors, form=form or self.get_form())
        if mentees or mentors:
            personal_data_accessed(
                user=self.request.user,
                instance=_site_root(self.request),
                what="Mentoring: offene Bewerbungen",
                count=len(mentees) + len(mentors),
            )
        return context

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        if form.is_valid():
            try:
                pair = mentoring_match(
                    coordinator=request.user,
                    mentee=form.cleaned_data["mentee"],
                    mentor=form.cleaned_data["mentor"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(mentee)s and %(mentor)s have been proposed as a pair.")
                    % {
                        "mentee": display_name(pair.mentee_application.user),
                        "mentor": display_name(pair.mentor_application.user),
                    },
                )
                return redirect("mentoring:pairs")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class PairsView(MentoringMixin, TemplateView):
    template_name = "members/admin/mentoring_pairs.html"
    page_title = gettext_lazy("Mentoring pairs")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        status = self.request.GET.get("status", "")
        pairs = mentoring_pairs_coordinated_by(self.request.user)
        if status in MentoringPair.Status.values:
            pairs = pairs.filter(status=status)
        context["rows"] = [
            (
                pair,
                display_name(pair.mentee_application.user),
                display_name(pair.mentor_application.user),
            )
            for pair in pairs[:200]
        ]
        context["statuses"] = MentoringPair.Status.choices
        context["status"] = status
        return context


def pair_close(request, pk):
    _require_coordinator(request)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    pair = get_object_or_404(mentoring_pairs_coordinated_by(request.user), pk=pk)
    form = MentoringPairCloseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose completed or ended."))
        return redirect("mentoring:pairs")
    try:
        mentoring_pair_close(
            coordinator=request.user, pair=pair, status=form.cleaned_data["status"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The pair has been closed."))
    return redirect("mentoring:pairs")


urlpatterns = [
    path("", _forbidden_as_403(ApplicationsView.as_view()), name="applications"),
    path("paare/", _forbidden_as_403(PairsView.as_view()), name="pairs"),
    path(
        "paare/<int:pk>/schliessen/", _forbidden_as_403(pair_close), name="pair_close"
    ),
]


@hooks.register("register_admin_urls")
def register_mentoring_admin_urls():
    return [
        path("mentoring/", include((urlpatterns, "mentoring"), namespace="mentoring"))
    ]


@hooks.register("register_admin_menu_item")
def register_mentoring_menu_item():
    return CoordinatorMenuItem(
        gettext_lazy("Mentoring"),
        reverse("mentoring:applications"),
        name="mentoring",
        icon_name="user",
        order=270,
        check=can_coordinate_mentoring,
    )


hooks.register("member_profile_links", mentoring_profile_link)


def _date(value):
    return value.isoformat() if value else None


@hooks.register("member_data_export")
def export_mentoring(user):
    applications = MentoringApplication.objects.filter(user=user).select_related(
        "district"
    )
    pairs = MentoringPair.objects.filter(
        mentee_application__user=user
    ) | MentoringPair.objects.filter(mentor_application__user=user)
    return "mentoring", {
        "applications": [
            {
                "role": application.role,
                "goals": application.goals,
                "languages": application.languages,
                "district": application.district.title
                if application.district
                else None,
                "availability": application.availability,
                "self_identification": application.self_identification,
                "self_identification_note": application.self_identification_note,
                "consented_at": _date(application.consented_at),
                "consent_version": application.consent_version,
                "status": application.status,
                "created_at": _date(application.created_at),
                "withdrawn_at": _date(application.withdrawn_at),
            }
            for application in applications.order_by("created_at")
        ],
        "pairs": [
            {
                "role": "mentee"
                if pair.mentee_application.user_id == user.pk
                else "mentor",
                "partner": display_name(
                    pair.mentor_application.user
                    if pair.mentee_application.user_id == user.pk
                    else pair.mentee_application.user
                ),
                "status": pair.status,
                "proposed_at": _date(pair.proposed_at),
                "activated_at": _date(pair.activated_at),
                "closed_at": _date(pair.closed_at),
            }
            for pair in pairs.select_related(
                "mentee_application__user__profile",
                "mentor_application__user__profile",
            ).order_by("proposed_at")
        ],
    }


@hooks.register("member_data_erase")
def erase_mentoring(user):
    """Delete the applications, and with them the pairs they were part of.

    The partner's application of a pair that was still running is open again.
    """
    pairs = MentoringPair.objects.filter(
        status__in=[MentoringPair.Status.PROPOSED, MentoringPair.Status.ACTIVE]
    )
    partner_ids = list(
        pairs.filter(mentee_application__user=user).values_list(
            "mentor_application_id", flat=True
        )
    ) + list(
        pairs.filter(mentor_application__user=user).values_list(
            "mentee_application_id", flat=True
        )
    )
    MentoringApplication.objects.filter(user=user).delete()
    MentoringApplication.objects.filter(
        pk__in=partner_ids, status=MentoringApplication.Status.MATCHED
    ).update(status=MentoringApplication.Status.OPEN)


@hooks.register("register_role_permissions")
def mentoring_role_permissions():
    return {COORDINATION: ["members.coordinate_mentoring"]}
