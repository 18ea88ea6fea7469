"""Admin views: CSV import of agreement items and the evaluation report."""

import datetime
import logging

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.permissions import policy_registry

from core.csv_import import CSVImportForm, csv_import_view
from core.spreadsheets import csv_response
from core.views import admin_forbidden_as_403
from news.models import DecisionBriefingPage

from ..models import AgreementItem, BriefingFeedback, CoalitionAgreementPage
from ..selectors import briefing_remarks, briefing_report, monthly_report
from ..services.evaluation import usage_counts_flush
from ..services.imports import OPTIONAL_COLUMNS, REQUIRED_COLUMNS, items_import

logger = logging.getLogger(__name__)

IMPORT_PERMISSION = "tracker.add_agreementitem"
REPORT_PERMISSION = "tracker.view_evaluation_report"

_forbidden_as_403 = admin_forbidden_as_403("tracker/admin/forbidden.html")


class ItemImportForm(CSVImportForm):
    agreement = forms.ModelChoiceField(
        label=gettext_lazy("Coalition agreement"),
        queryset=CoalitionAgreementPage.objects.order_by("title"),
    )
    field_order = ["agreement", "file", "dry_run"]


def _columns():
    descriptions = {
        "chapter": _("Chapter number"),
        "number": _("Item number within the chapter"),
        "title": _("Short title"),
        "text": _("The agreed text"),
        "status": _("not_started, in_progress, implemented, stalled or dropped"),
        "progress": _("Progress in % (0–100)"),
        "chapter_title": _("Title of a chapter not yet in the agreement"),
        "topics": _("Topic slugs or names, separated by |"),
        "department": _("Responsible Senate department"),
        "date": _("Date of the status (YYYY-MM-DD, default today)"),
        "note": _("Note on the status"),
        "source": _("Source link"),
    }
    return [(name, descriptions[name]) for name in REQUIRED_COLUMNS + OPTIONAL_COLUMNS]


@_forbidden_as_403
def item_import(request):
    # The agreement's policy, not the bare model permission: the agreement is
    # statewide, so a district group given "add item" may not import into it.
    if not policy_registry.get_by_type(AgreementItem).user_has_permission(
        request.user, "add"
    ):
        raise PermissionDenied

    def import_items(*, rows, dry_run, cleaned_data):
        return items_import(
            agreement=cleaned_data["agreement"],
            rows=rows,
            dry_run=dry_run,
            user=request.user,
        )

    return csv_import_view(
        request,
        importer=import_items,
        required=REQUIRED_COLUMNS,
        optional=OPTIONAL_COLUMNS,
        title=_("Import coalition-agreement items"),
        back_url=reverse("tracker_item:index"),
        columns=_columns(),
        form_class=ItemImportForm,
        initial={"agreement": request.GET.get("agreement") or None},
    )


def _month(value):
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(f"{value}-01")
    except ValueError:
        return False


ANSWER_LABELS = [label for _key, label in BriefingFeedback.Answer.choices]


@_forbidden_as_403
def evaluation_report(request):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    month = _month(request.GET.get("month", ""))
    error = None
    if month is False:
        error, month = _("Choose a month as YYYY-MM."), None
    try:  # the report shows what was counted up to now
        usage_counts_flush()
    except Exception:  # a cache outage must not hide the report
        logger.exception("Could not flush usage counts before the report")
    briefings = briefing_report(month=month)
    months = monthly_report()
    export = request.GET.get("export")
    if export == "briefings" and error is None:
        return csv_response(
            "auswertung-briefings.csv",
            [
                _("Decision briefing"),
                _("Decision date"),
                *ANSWER_LABELS,
                _("Remarks"),
                _("Page views"),
                _("Print-view uses"),
                _("Mails sent"),
            ],
            [
                [
                    row["briefing"].title,
                    row["briefing"].decision_date.isoformat(),
                    *row["answers"],
                    row["remarks"],
                    row["page_views"],
                    row["print_views"],
                    row["mails_sent"],
                ]
                for row in briefings
            ],
        )
    if export == "months":
        return csv_response(
            "auswertung-monate.csv",
            [
                _("Month"),
                *ANSWER_LABELS,
                _("Page views"),
                _("Print-view uses"),
                _("Mails sent"),
                _("Feed requests"),
                _("Calendar requests"),
            ],
            [
                [
                    row["month"].strftime("%Y-%m"),
                    *row["answers"],
                    row["page_views"],
                    row["print_views"],
                    row["mails_sent"],
                    row["feed_requests"],
                    row["calendar_requests"],
                ]
                for row in months
            ],
        )
    return TemplateResponse(
        request,
        "tracker/admin/evaluation_report.html",
        {
            "briefings": briefings,
            "months": months,
            "month": month,
            "month_value": month.strftime("%Y-%m") if month else "",
            "error": error,
            "answer_labels": ANSWER_LABELS,
            "today": timezone.localdate(),
        },
        status=400 if error else 200,
    )


@_forbidden_as_403
def evaluation_remarks(request, briefing_id):
    if not request.user.has_perm(REPORT_PERMISSION):
        raise PermissionDenied
    briefing = get_object_or_404(DecisionBriefingPage, id=briefing_id)
    remarks = briefing_remarks(briefing=briefing)
    return TemplateResponse(
        request,
        "tracker/admin/evaluation_remarks.html",
        {"briefing": briefing, "remarks": remarks},
    )
