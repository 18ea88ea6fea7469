"""Comments in the own-data export and erasure."""

from wagtail import hooks

from ..caching import comment_threads_changed
from ..models.comments import Comment, CommentReport


def _date(value):
    return value.isoformat() if value else None


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
