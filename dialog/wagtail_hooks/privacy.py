"""Registrations and comments in the own-data export, erasure and retention."""

from wagtail import hooks

from members.selectors import account_emails

from ..caching import comment_threads_changed
from ..models.comments import Comment, CommentReport
from ..services.registrations import (
    registrations_apply_retention,
    registrations_erase_person,
    registrations_of_person,
)


def _date(value):
    return value.isoformat() if value else None


@hooks.register("member_data_export")
def export_registrations(user):
    registrations = (
        registrations_of_person(user=user, emails=account_emails(user))
        .select_related("page")
        .order_by("created_at", "pk")
    )
    return "registrations", [
        {
            "page": registration.page.title,
            "as_guest": registration.user_id is None,
            "name": registration.name,
            "email": registration.email,
            "organisation": registration.organisation,
            "status": registration.status,
            "language": registration.language,
            "registered_at": _date(registration.created_at),
            "confirmed_at": _date(registration.confirmed_at),
            "waiting_since": _date(registration.queued_at),
            "cancelled_at": _date(registration.cancelled_at),
            "consent_given_at": _date(registration.consent_at),
            "children_ages": registration.children_ages,
            "needs_step_free": registration.needs_step_free,
            "other_accessibility_needs": registration.accessibility_other,
            "online": registration.online,
        }
        for registration in registrations
    ]


@hooks.register("member_data_erase")
def erase_registrations(user):
    """Rows stay for seat figures, without the person (see the retention job)."""
    registrations_erase_person(user=user, emails=account_emails(user))


@hooks.register("member_data_export")
def export_comments(user):
    comments = Comment.objects.filter(author=user).select_related("page")
    reports = CommentReport.objects.filter(reporter=user)
    return "comments", {
        "written": [
            {
                "page": comment.page.title,
                "text": "" if comment.is_deleted else comment.body,
                "status": comment.status,
                "moderation_reason": comment.moderation_reason,
                "written_at": _date(comment.created_at),
                "edited_at": _date(comment.edited_at),
                "deleted_at": _date(comment.deleted_at),
                "mail_on_reply": comment.notify_on_reply,
            }
            for comment in comments.order_by("created_at", "pk")
        ],
        "reported": [
            {
                "comment": report.comment_id,
                "reason": report.reason,
                "details": report.text,
                "reported_at": _date(report.created_at),
                "resolved_at": _date(report.resolved_at),
            }
            for report in reports.order_by("created_at", "pk")
        ],
    }


@hooks.register("member_data_erase")
def erase_comments(user):
    """Comments stay in their threads, shown as by a former member."""
    page_ids = set(
        Comment.objects.filter(author=user).values_list("page_id", flat=True)
    )
    Comment.objects.filter(author=user).update(author=None, notify_on_reply=False)
    Comment.objects.filter(moderated_by=user).update(moderated_by=None)
    # The report stays for the moderators, without who sent it and their words.
    CommentReport.objects.filter(reporter=user).update(reporter=None, text="")
    CommentReport.objects.filter(resolved_by=user).update(resolved_by=None)
    comment_threads_changed(page_ids)


@hooks.register("data_retention")
def registration_retention(*, now):
    return registrations_apply_retention(now=now)
