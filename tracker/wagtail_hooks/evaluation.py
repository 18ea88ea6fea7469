"""Evaluation of information formats: counting, the answer form, the report."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from core.people import is_verified_member
from core.roles import PRESS
from news.models import DecisionBriefingPage

from ..forms import FeedbackForm
from ..middleware import REQUEST_ATTRIBUTE
from ..models import BriefingFeedback, CoalitionAgreementPage, Metric, StatusUpdate
from ..views import admin as admin_views
from .agreements import PermissionMenuItem

COUNTED_ROUTES = {
    DecisionBriefingPage: {"print_view": Metric.PRINT_VIEW},
    CoalitionAgreementPage: {"feed_rss": Metric.FEED, "feed_atom": Metric.FEED},
}


@hooks.register("before_serve_page")
def mark_counted_request(page, request, serve_args, serve_kwargs):
    """Mark the request; the middleware counts it if the answer is a 200."""
    routes = COUNTED_ROUTES.get(type(page))
    if routes is None:
        return None
    view = serve_args[0] if serve_args else None
    name = getattr(view, "__name__", "")
    if type(page) is DecisionBriefingPage and name in ("", "index_route"):
        setattr(request, REQUEST_ATTRIBUTE, (Metric.PAGE_VIEW, page.pk))
    elif name in routes:
        setattr(request, REQUEST_ATTRIBUTE, (routes[name], page.pk))
    return None


@hooks.register("briefing_page_sections")
def briefing_feedback_section(request, page):
    """Members say whether the briefing helped them explain the decision."""
    user = getattr(request, "user", None)
    if page.pk is None or not is_verified_member(user):
        return None
    feedback = BriefingFeedback.objects.filter(briefing=page, user=user).first()
    initial = {"answer": feedback.answer, "remark": feedback.remark} if feedback else {}
    return {
        "order": 50,
        "title": _("Did this briefing help you?"),
        "template": "tracker/includes/briefing_feedback.html",
        "form": FeedbackForm(initial=initial),
        "feedback": feedback,
        "action": reverse("tracker:briefing_feedback", args=[page.pk]),
        "state": request.GET.get("rueckmeldung", ""),
    }


@hooks.register("register_admin_urls")
def register_evaluation_admin_urls():
    return [
        path(
            "auswertung/informationsformate/",
            admin_views.evaluation_report,
            name="tracker_evaluation_report",
        ),
        path(
            "auswertung/informationsformate/<int:briefing_id>/",
            admin_views.evaluation_remarks,
            name="tracker_evaluation_remarks",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_evaluation_menu_item():
    return PermissionMenuItem(
        _("Evaluation of information formats"),
        reverse("tracker_evaluation_report"),
        icon_name="table",
        order=412,
        permission=admin_views.REPORT_PERMISSION,
    )


@hooks.register("member_data_export")
def export_briefing_feedback(user):
    answers = BriefingFeedback.objects.filter(user=user).select_related("briefing")
    return "briefing_feedback", [
        {
            "briefing": answer.briefing.title,
            "answer": answer.answer,
            "remark": answer.remark,
            "consented_at": answer.consented_at.isoformat(),
            "updated_at": answer.updated_at.isoformat(),
        }
        for answer in answers
    ]


@hooks.register("member_data_erase")
def erase_briefing_feedback(user):
    """Answers are deleted; status updates an editor entered stay, unsigned."""
    BriefingFeedback.objects.filter(user=user).delete()
    StatusUpdate.objects.filter(created_by=user).update(created_by=None)


@hooks.register("register_role_permissions")
def evaluation_role_permissions():
    return {PRESS: ["tracker.view_evaluation_report"]}
