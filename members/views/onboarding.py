"""Admin views of the welcome standard: dashboard, checklist, overview, import."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.audit import personal_data_accessed
from core.charts import bar_chart
from core.csv_import import csv_import_view, run_import

from ..forms.onboarding import (
    OnboardingImportRowForm,
    OnboardingPeriodForm,
    OnboardingStepForm,
)
from ..selectors.onboarding import (
    WAITING_TOO_LONG,
    can_manage_onboarding,
    onboarding_detail,
    onboarding_district_figures,
    onboarding_districts_for,
    onboarding_waiting_list,
    onboardings_visible_to,
)
from ..services.onboarding import (
    IMPORT_OPTIONAL,
    IMPORT_REQUIRED,
    ImportRow,
    onboarding_import_save,
    onboarding_step_done,
    onboarding_step_undo,
)


def _require_manager(request):
    if not can_manage_onboarding(request.user):
        raise PermissionDenied


class DistrictFilterForm(forms.Form):
    district = forms.ModelChoiceField(
        label="", queryset=None, required=False, empty_label=None
    )

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["district"]
        field.label = _("District")
        field.queryset = districts
        field.empty_label = _("All my districts")


def dashboard_view(request):
    """Who waits how long at which step, oldest first, in the user's districts."""
    _require_manager(request)
    districts = onboarding_districts_for(request.user)
    form = DistrictFilterForm(request.GET or None, districts=districts)
    district = None
    if form.is_bound and form.is_valid():
        district = form.cleaned_data["district"]
    rows = onboarding_waiting_list(user=request.user, district=district)
    counts = {}
    for row in rows:
        if row.onboarding.district is not None:
            counts.setdefault(row.onboarding.district, 0)
            counts[row.onboarding.district] += 1
    for shown, count in counts.items():
        personal_data_accessed(
            user=request.user,
            instance=shown,
            what="onboarding dashboard",
            count=count,
        )
    return TemplateResponse(
        request,
        "members/admin/onboarding/dashboard.html",
        {
            "header_title": _("Welcoming new members"),
            "page_title": _("Welcoming new members"),
            "header_icon": "group",
            "filter_form": form,
            "rows": rows,
            "waiting_too_long": WAITING_TOO_LONG,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def _detail_response(request, row, form=None, status=200):
    return TemplateResponse(
        request,
        "members/admin/onboarding/detail.html",
        {
            "header_title": row.onboarding.person_name,
            "page_title": _("Checklist: %(name)s")
            % {"name": row.onboarding.person_name},
            "header_icon": "tasks",
            "row": row,
            "form": form,
            "note_max": 500,
        },
        status=status,
    )


def detail_view(request, pk):
    _require_manager(request)
    row = onboarding_detail(user=request.user, pk=pk)
    if row is None:
        raise Http404
    personal_data_accessed(
        user=request.user, instance=row.onboarding, what="onboarding record", count=1
    )
    return _detail_response(request, row)


@require_POST
def step_view(request, pk):
    """Tick a step off (or undo it); who and when are recorded by the service."""
    _require_manager(request)
    onboarding = onboardings_visible_to(request.user).filter(pk=pk).first()
    if onboarding is None:
        # Another district's record is as absent as a missing one.
        raise Http404
    form = OnboardingStepForm(request.POST)
    if form.is_valid():
        step = form.cleaned_data["step"]
        try:
            if form.cleaned_data["action"] == "undo":
                onboarding_step_undo(
                    onboarding=onboarding, step=step, user=request.user
                )
            else:
                onboarding_step_done(
                    onboarding=onboarding,
                    step=step,
                    user=request.user,
                    note=form.cleaned_data["note"],
                )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Saved: %(step)s for %(name)s.")
                % {
                    "step": dict(form.fields["step"].choices)[step],
                    "name": onboarding.person_name,
                },
            )
            target = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(
                target, allowed_hosts={request.get_host()}
            ):
                target = reverse("onboarding:detail", args=[pk])
            return redirect(target)
    row = onboarding_detail(user=request.user, pk=pk)
    return _detail_response(request, row, form=form, status=400)


def overview_view(request):
    """Districts side by side: figures as a table and a chart, no personal data."""
    _require_manager(request)
    form = OnboardingPeriodForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    since = form.since()
    figures = onboarding_district_figures(user=request.user, since=since)
    chart = bar_chart(
        title=_("New members and people waiting more than %(days)d days")
        % {"days": WAITING_TOO_LONG},
        rows=[
            (entry.district.title, [entry.new_members, entry.waiting_too_long])
            for entry in figures
        ],
        series=[
            _("New members"),
            _("Waiting > %(days)d days") % {"days": WAITING_TOO_LONG},
        ],
    )
    return TemplateResponse(
        request,
        "members/admin/onboarding/overview.html",
        {
            "header_title": _("New members by district"),
            "page_title": _("New members by district"),
            "header_icon": "table",
            "period_form": form,
            "figures": figures,
            "chart": chart,
            "waiting_too_long": WAITING_TOO_LONG,
        },
        status=200 if valid else 400,
    )


COLUMNS = [
    ("name", _("Full name")),
    ("email", _("Email address; links the record when an account confirms it")),
    ("district", _("District name or its slug, e.g. friedrichshain-kreuzberg")),
    ("joined_on", _("Date joined, YYYY-MM-DD or DD.MM.YYYY")),
    ("phone", _("Optional: phone number for the welcome call")),
]


def _import_validator(districts):
    seen = set()

    def validate(line, row):
        form = OnboardingImportRowForm(row, districts=districts)
        if not form.is_valid():
            raise ValidationError(
                {name: list(errors) for name, errors in form.errors.items()}
            )
        email = form.cleaned_data["email"].lower()
        if email in seen:
            raise ValidationError(
                {"email": _("This address appears twice in the file.")}
            )
        seen.add(email)
        return ImportRow(**form.cleaned_data)

    return validate


@require_http_methods(["GET", "POST"])
def import_view(request):
    """New members who joined offline: all rows or none, with a dry run."""
    _require_manager(request)

    def import_members(*, rows, dry_run, cleaned_data):
        districts = list(onboarding_districts_for(request.user))
        return run_import(
            rows=rows,
            validate=_import_validator(districts),
            save=lambda row: onboarding_import_save(row=row),
            dry_run=dry_run,
        )

    return csv_import_view(
        request,
        importer=import_members,
        required=IMPORT_REQUIRED,
        optional=IMPORT_OPTIONAL,
        title=_("Import new members"),
        back_url=reverse("onboarding:index"),
        columns=COLUMNS,
    )
