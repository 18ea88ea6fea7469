"""Surveys in the admin: questions, results, CSV exports and call lists.

Everything here needs ``surveys.manage_surveys``; other people get a 403.
Surveys are statewide: only statewide roles add, change or delete them. The
member-data hooks cover participations (not the anonymous answers), the phone
consent and call records.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.permissions import register_permission_policy

from core.audit import personal_data_accessed
from core.charts import bar_chart
from core.people import is_verified_member
from core.roles import COORDINATION
from core.spreadsheets import csv_response
from core.views import ForbiddenAs403ViewSetMixin, admin_forbidden_as_403
from home.permissions import DistrictScopedPermissionPolicy, DistrictScopedViewSetMixin
from home.selectors import districts_coordinated_by

from .forms import CallListForm
from .models import (
    CALL_MEMBERS_PERMISSION,
    MANAGE_SURVEYS_PERMISSION,
    CallList,
    CallListEntry,
    Survey,
    SurveyParticipation,
    SurveyPhoneConsent,
)
from .selectors import (
    anonymised_responses,
    call_lists_overview,
    callers,
    can_call_members,
    can_manage_surveys,
    survey_results,
)
from .services import call_list_create

# A survey belongs to the whole state: every holder of the tool reads it and
# makes call lists for their districts; only statewide roles change it.
register_permission_policy(
    Survey,
    DistrictScopedPermissionPolicy(
        Survey, district_field=None, permission=MANAGE_SURVEYS_PERMISSION
    ),
)

_forbidden_as_403 = admin_forbidden_as_403(
    "surveys/admin/forbidden.html",
    {"header_title": _("Surveys"), "page_title": _("Surveys"), "header_icon": "form"},
)


def _managed_survey(request, pk):
    if not can_manage_surveys(request.user):
        raise PermissionDenied
    return get_object_or_404(Survey, pk=pk)


def _survey_nav(survey):
    return {
        "edit_url": reverse("survey_admin:edit", args=[survey.pk]),
        "results_url": reverse("survey_admin:results", args=[survey.pk]),
        "call_lists_url": reverse("survey_admin:call_lists", args=[survey.pk]),
    }


def results_view(request, pk):
    survey = _managed_survey(request, pk)
    results = survey_results(survey)
    charts = []
    for result in results.questions:
        chart = None
        if result.counts:
            chart = bar_chart(
                title=result.question.text,
                rows=result.counts,
                unit="",
                decimals=0,
            )
        charts.append((result, chart))
    return TemplateResponse(
        request,
        "surveys/admin/results.html",
        {
            "header_title": _("Results: %(title)s") % {"title": survey.title},
            "page_title": _("Results: %(title)s") % {"title": survey.title},
            "header_icon": "table",
            "survey": survey,
            "results": results,
            "channel_chart": bar_chart(
                title=_("Responses by channel"), rows=results.by_channel, decimals=0
            ),
            "charts": charts,
            **_survey_nav(survey),
        },
    )


def results_csv_view(request, pk):
    """Aggregated results: counts per option and scale value, no single answers."""
    survey = _managed_survey(request, pk)
    results = survey_results(survey)
    channels = [*SurveyParticipation.Channel.values, "account_deleted"]
    rows = [
        [_("Responses"), "", value, "", count]
        for value, (_label, count) in zip(channels, results.by_channel, strict=False)
    ]
    for result in results.questions:
        question = result.question
        for option, count in result.counts:
            rows.append([question.text, question.kind, option, result.answered, count])
        if result.average is not None:
            rows.append(
                [
                    question.text,
                    question.kind,
                    _("average"),
                    result.answered,
                    f"{result.average:.2f}",
                ]
            )
        if question.kind == question.Kind.TEXT:
            rows.append(
                [question.text, question.kind, _("answers"), result.answered, ""]
            )
    personal_data_accessed(
        user=request.user,
        instance=survey,
        what="survey results (aggregated)",
        count=results.total,
        exported=True,
    )
    return csv_response(
        f"umfrage-{survey.pk}-ergebnisse.csv",
        [_("Question"), _("Kind"), _("Option"), _("Answered"), _("Count")],
        rows,
    )


def responses_csv_view(request, pk):
    """One anonymous row per response, shuffled: no name, district, channel or time."""
    survey = _managed_survey(request, pk)
    header, rows = anonymised_responses(survey)
    personal_data_accessed(
        user=request.user,
        instance=survey,
        what="survey responses (anonymised)",
        count=len(rows),
        exported=True,
    )
    return csv_response(f"umfrage-{survey.pk}-antworten.csv", header, rows)


def call_lists_view(request, pk):
    survey = _managed_survey(request, pk)
    form = CallListForm(
        request.POST or None,
        callers=callers(),
        districts=districts_coordinated_by(request.user),
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                call_list = call_list_create(
                    survey=survey,
                    district=form.cleaned_data["district"],
                    caller=form.cleaned_data["caller"],
                    created_by=request.user,
                    limit=form.cleaned_data["limit"],
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(
                    request,
                    _("Call list for %(district)s created with %(count)d members.")
                    % {
                        "district": call_list.district.title,
                        "count": call_list.entries.count(),
                    },
                )
                return redirect("survey_admin:call_lists", pk=survey.pk)
        status = 400
    return TemplateResponse(
        request,
        "surveys/admin/call_lists.html",
        {
            "header_title": _("Call lists: %(title)s") % {"title": survey.title},
            "page_title": _("Call lists: %(title)s") % {"title": survey.title},
            "header_icon": "list-ul",
            "survey": survey,
            "overview": call_lists_overview(survey, user=request.user),
            "form": form,
            **_survey_nav(survey),
        },
        status=status,
    )


class SurveyEditView(EditView):
    @cached_property
    def header_more_buttons(self):
        return [
            *super().header_more_buttons,
            Button(
                _("Results"),
                url=reverse("survey_admin:results", args=[self.object.pk]),
                icon_name="table",
                priority=30,
            ),
            Button(
                _("Call lists"),
                url=reverse("survey_admin:call_lists", args=[self.object.pk]),
                icon_name="list-ul",
                priority=31,
            ),
        ]

    @cached_property
    def header_buttons(self):
        return [
            *super().header_buttons,
            HeaderButton(
                _("Results"),
                url=reverse("survey_admin:results", args=[self.object.pk]),
                icon_name="table",
            ),
        ]


class SurveyViewSet(
    DistrictScopedViewSetMixin, ForbiddenAs403ViewSetMixin, ModelViewSet
):
    model = Survey
    name = "survey_admin"
    url_prefix = "umfragen"
    icon = "form"
    menu_label = gettext_lazy("Surveys")
    menu_order = 230
    add_to_admin_menu = True
    edit_view_class = SurveyEditView
    copy_view_enabled = False
    search_fields = ["title"]
    list_filter = ["status"]

    @cached_property
    def list_display(self):
        return [
            "title",
            Column("status", label=_("Status"), accessor="get_status_display"),
            TitleColumn(
                "results",
                label=_("Results"),
                accessor=lambda survey: _("Results and call lists"),
                get_url=lambda survey: reverse(
                    "survey_admin:results", args=[survey.pk]
                ),
            ),
        ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "<int:pk>/ergebnisse/",
                _forbidden_as_403(results_view),
                name="results",
            ),
            path(
                "<int:pk>/ergebnisse/csv/",
                _forbidden_as_403(results_csv_view),
                name="results_csv",
            ),
            path(
                "<int:pk>/antworten/csv/",
                _forbidden_as_403(responses_csv_view),
                name="responses_csv",
            ),
            path(
                "<int:pk>/anruflisten/",
                _forbidden_as_403(call_lists_view),
                name="call_lists",
            ),
        ]


@hooks.register("register_admin_viewset")
def register_survey_viewset():
    return SurveyViewSet()


@hooks.register("register_permissions")
def survey_permissions():
    codenames = [
        name.split(".")[1]
        for name in (MANAGE_SURVEYS_PERMISSION, CALL_MEMBERS_PERMISSION)
    ]
    return Permission.objects.filter(
        content_type__app_label="surveys", codename__in=codenames
    )


@hooks.register("member_profile_links")
def survey_profile_links(request):
    links = []
    if is_verified_member(request.user):
        links.append((_("Member surveys"), reverse("surveys:survey_list")))
    if can_call_members(request.user):
        links.append((_("My call lists"), reverse("surveys:survey_call_lists")))
    return links or None


ANSWERS_NOT_IN_EXPORT = gettext_lazy(
    "Your survey answers are stored without any link to your account, so "
    "nobody can find out which answers are yours, not even for this export. "
    "It lists only the surveys you took part in."
)


@hooks.register("member_data_export")
def export_survey_data(user):
    participations = (
        SurveyParticipation.objects.filter(member=user)
        .select_related("survey")
        .order_by("answered_at", "pk")
    )
    consent = SurveyPhoneConsent.objects.filter(user=user).first()
    entries = (
        CallListEntry.objects.filter(member=user)
        .select_related("call_list__survey", "call_list__district")
        .order_by("pk")
    )
    return "surveys", {
        "participations": [
            {
                "survey": participation.survey.title,
                "channel": participation.channel,
                "answered_at": participation.answered_at.isoformat(),
            }
            for participation in participations
        ],
        "answers": str(ANSWERS_NOT_IN_EXPORT),
        "phone_consent": (
            {"phone": consent.phone, "consented_at": consent.consented_at.isoformat()}
            if consent
            else None
        ),
        "calls_received": [
            {
                "survey": entry.call_list.survey.title,
                "district": entry.call_list.district.title,
                "outcome": entry.outcome,
                "called_at": entry.called_at.isoformat() if entry.called_at else None,
                "answers_consented_at": (
                    entry.answers_consented_at.isoformat()
                    if entry.answers_consented_at
                    else None
                ),
            }
            for entry in entries
        ],
        "call_lists_assigned": [
            {"survey": call_list.survey.title, "district": call_list.district.title}
            for call_list in CallList.objects.filter(caller=user).select_related(
                "survey", "district"
            )
        ],
    }


@hooks.register("member_data_erase")
def erase_survey_data(user):
    """The participations, the phone number and call records go; lists lose
    their caller. The anonymous answers stay: nothing leads to them from here.
    """
    SurveyParticipation.objects.filter(member=user).delete()
    SurveyPhoneConsent.objects.filter(user=user).delete()
    CallListEntry.objects.filter(member=user).delete()
    CallList.objects.filter(caller=user).update(caller=None)


@hooks.register("register_role_permissions")
def survey_role_permissions():
    return {COORDINATION: ["surveys.manage_surveys"]}
