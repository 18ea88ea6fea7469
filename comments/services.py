"""Writing, editing, reporting and moderating comments.

Limits are counted in the database, so they hold across any number of app
processes; the author's row is locked while a comment is written, so a double
submit or two tabs cannot slip past the duplicate and rate checks.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.i18n import mail_language
from core.outbox import mail_enqueue
from core.people import display_name

from .models import (
    COMMENT_MAX_LENGTH,
    Comment,
    CommentReport,
    ModerationMode,
    normalize_comment_text,
)
from .selectors import comment_can_edit, comment_is_own

RATE_LIMIT_COUNT = 5
RATE_LIMIT_WINDOW = timedelta(minutes=10)
DUPLICATE_WINDOW = timedelta(hours=24)


class CommentRateLimited(ValidationError):
    """Too many comments in a short time; the view answers 429."""


class CommentDuplicate(ValidationError):
    """The same text again; ``existing`` is the comment already written."""

    def __init__(self, message, *, existing):
        super().__init__(message, code="duplicate")
        self.existing = existing


def comment_create(
    *,
    page,
    author,
    body: str,
    notify_on_reply: bool = False,
    parent: Comment | None = None,
) -> Comment:
    """Write a comment or a reply; replies to replies join the top-level thread."""
    body = _clean_body(body)
    if parent is not None:
        parent = parent.parent or parent
        if parent.page_id != page.pk:
            raise ValidationError(_("This reply does not belong to this page."))
        if parent.status != Comment.Status.APPROVED or parent.is_deleted:
            raise ValidationError(_("This comment can no longer be answered."))
    with transaction.atomic():
        get_user_model().objects.select_for_update().get(pk=author.pk)
        now = timezone.now()
        normalized = normalize_comment_text(body)
        _check_duplicate(page=page, author=author, normalized=normalized, now=now)
        _check_rate_limit(author=author, now=now)
        post = page.moderation == ModerationMode.POST
        comment = Comment.objects.create(
            page=page,
            author=author,
            parent=parent,
            body=body,
            body_normalized=normalized,
            status=Comment.Status.APPROVED if post else Comment.Status.PENDING,
            created_at=now,
            notify_on_reply=notify_on_reply,
        )
        if comment.status == Comment.Status.APPROVED:
            _notify_parent_author(comment)
    return comment


def comment_edit(*, comment: Comment, user, body: str) -> Comment:
    """The author corrects the text within 15 minutes of writing it.

    Under pre-moderation the changed text waits for approval again.
    """
    body = _clean_body(body)
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if not comment_can_edit(comment=comment, user=user):
            raise PermissionDenied(
                _("Comments can only be edited by their author within 15 minutes.")
            )
        comment.body = body
        comment.body_normalized = normalize_comment_text(body)
        comment.edited_at = timezone.now()
        if comment.page.specific.moderation == ModerationMode.PRE:
            # Approval was for the old text: the new one waits for its own.
            comment.status = Comment.Status.PENDING
        comment.save(update_fields=["body", "body_normalized", "edited_at", "status"])
    return comment


def comment_delete(*, comment: Comment, user) -> Comment:
    """The author deletes their text; replies stay, under a placeholder."""
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        if not comment_is_own(comment=comment, user=user):
            raise PermissionDenied(_("You can only delete your own comments."))
        if comment.is_deleted:
            return comment
        comment.body = ""
        comment.body_normalized = ""
        comment.notify_on_reply = False
        comment.deleted_at = timezone.now()
        comment.save(
            update_fields=["body", "body_normalized", "notify_on_reply", "deleted_at"]
        )
    return comment


def comment_report(
    *, comment: Comment, reporter, reason: str, text: str = ""
) -> CommentReport:
    """Report a comment to the moderators; once per reporter while it is open."""
    if comment_is_own(comment=comment, user=reporter):
        raise ValidationError(_("You cannot report your own comment."))
    if comment.is_deleted or comment.status != Comment.Status.APPROVED:
        raise ValidationError(_("This comment is not shown and cannot be reported."))
    existing = CommentReport.objects.filter(
        comment=comment, reporter=reporter, resolved_at__isnull=True
    ).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return CommentReport.objects.create(
                comment=comment, reporter=reporter, reason=reason, text=text.strip()
            )
    except IntegrityError:
        return CommentReport.objects.get(
            comment=comment, reporter=reporter, resolved_at__isnull=True
        )


def comment_approve(*, comment: Comment, moderator) -> Comment:
    """Show the comment; open reports on it are resolved as unfounded."""
    return _moderate(comment=comment, moderator=moderator, status="approved")


def comment_reject(*, comment: Comment, moderator, reason: str) -> Comment:
    """Do not publish a pending comment; the author sees the reason."""
    return _moderate(
        comment=comment, moderator=moderator, status="rejected", reason=reason
    )


def comment_hide(*, comment: Comment, moderator, reason: str) -> Comment:
    """Hide a shown comment behind a placeholder with the reason; replies stay."""
    return _moderate(
        comment=comment, moderator=moderator, status="hidden", reason=reason
    )


def _moderate(*, comment, moderator, status, reason=""):
    reason = reason.strip()
    if status != Comment.Status.APPROVED and not reason:
        raise ValidationError({"reason": _("Please give a reason.")})
    with transaction.atomic():
        comment = Comment.objects.select_for_update().get(pk=comment.pk)
        was_visible = comment.status == Comment.Status.APPROVED
        now = timezone.now()
        comment.status = status
        comment.moderation_reason = reason
        comment.moderated_by = moderator
        comment.moderated_at = now
        comment.save(
            update_fields=[
                "status",
                "moderation_reason",
                "moderated_by",
                "moderated_at",
            ]
        )
        comment.reports.filter(resolved_at__isnull=True).update(
            resolved_at=now, resolved_by=moderator
        )
        if status == Comment.Status.APPROVED and not was_visible:
            _notify_parent_author(comment)
    return comment


def _clean_body(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Please write a comment.")})
    if len(body) > COMMENT_MAX_LENGTH:
        raise ValidationError(
            {
                "body": _(
                    "Comments can be at most %(limit)s characters long; "
                    "yours has %(length)s."
                )
                % {"limit": COMMENT_MAX_LENGTH, "length": len(body)}
            }
        )
    return body


def _check_duplicate(*, page, author, normalized, now):
    existing = (
        Comment.objects.filter(
            page=page,
            author=author,
            body_normalized=normalized,
            deleted_at__isnull=True,
            created_at__gte=now - DUPLICATE_WINDOW,
        )
        .order_by("-created_at")
        .first()
    )
    if existing:
        raise CommentDuplicate(
            _("You have already written this comment here."), existing=existing
        )


def _check_rate_limit(*, author, now):
    recent = Comment.objects.filter(
        author=author, created_at__gte=now - RATE_LIMIT_WINDOW
    ).count()
    if recent >= RATE_LIMIT_COUNT:
        raise CommentRateLimited(
            _(
                "You have written %(count)s comments in the last %(minutes)s "
                "minutes. Please wait a little before writing the next one."
            )
            % {
                "count": RATE_LIMIT_COUNT,
                "minutes": int(RATE_LIMIT_WINDOW.total_seconds() // 60),
            },
            code="rate_limited",
        )


def _notify_parent_author(reply):
    """One mail to the author of the answered comment, if they asked for it."""
    parent = reply.parent
    if (
        parent is None
        or not parent.notify_on_reply
        or parent.author_id is None
        or parent.author_id == reply.author_id
        or parent.is_deleted
    ):
        return
    mail_enqueue(builder="comments.services.comment_reply_message", comment_id=reply.pk)


def comment_reply_message(*, comment_id: int) -> EmailMessage | None:
    """The mail to the answered author; ``None`` when it is no longer wanted."""
    reply = (
        Comment.objects.select_related("parent__author", "author", "page")
        .filter(pk=comment_id, status=Comment.Status.APPROVED)
        .first()
    )
    if reply is None or reply.parent is None or reply.parent.author is None:
        return None
    recipient = reply.parent.author
    if not recipient.email or not recipient.is_active:
        return None
    page_url = reply.page.get_full_url() or settings.WAGTAILADMIN_BASE_URL
    context = {
        "recipient_name": display_name(recipient),
        "reply_author": display_name(reply.author) if reply.author else "",
        "page_title": reply.page.title,
        "url": f"{page_url}#{reply.anchor}",
    }
    with translation.override(mail_language(user=recipient)):
        subject = str(
            _("New reply to your comment on “%(title)s”") % {"title": reply.page.title}
        )
        body = render_to_string("comments/reply_mail.txt", context)
    return EmailMessage(subject, body, None, [recipient.email])
