"""Writing, editing, deleting and reporting comments.

Plain POST forms that work without JavaScript. Success returns to the comment
on its page; refused input is shown again on a page of its own with the
errors, so nothing typed is lost.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.models import Page

from core.bot_protection import bot_protected
from core.ratelimit import rate_limit

from .forms import CommentEditForm, CommentForm, CommentReportForm
from .models import Comment, CommentableBase, ModerationMode
from .selectors import (
    comment_can_edit,
    comment_can_read,
    comment_can_write,
    comment_is_own,
)
from .services import (
    CommentDuplicate,
    CommentRateLimited,
    comment_create,
    comment_delete,
    comment_edit,
    comment_report,
)


@require_POST
@rate_limit("comment")
@bot_protected(timing=False)
def comment_create_view(request, page_id):
    page = _commentable_page(get_object_or_404(Page, pk=page_id))
    return _write(request, page=page, parent=None)


@require_POST
@rate_limit("comment")
@bot_protected(timing=False)
def comment_reply_view(request, comment_id):
    parent = get_object_or_404(Comment.objects.select_related("page"), pk=comment_id)
    page = _commentable_page(parent.page)
    return _write(request, page=page, parent=parent)


@require_http_methods(["GET", "POST"])
def comment_edit_view(request, comment_id):
    comment, page = _readable_comment(request, comment_id)
    if not comment_can_edit(comment=comment, user=request.user):
        return _refuse(
            request,
            page,
            _("Comments can only be edited by their author within 15 minutes."),
        )
    form = CommentEditForm(
        request.POST if request.method == "POST" else None,
        initial={"body": comment.body},
        auto_id="edit_%s",
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment = comment_edit(
                comment=comment, user=request.user, body=form.cleaned_data["body"]
            )
        except PermissionDenied as error:
            return _refuse(request, page, str(error))
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if comment.status == Comment.Status.PENDING:
                messages.success(
                    request,
                    gettext_lazy(
                        "Your comment has been changed. It will be shown again as "
                        "soon as a moderator has approved it."
                    ),
                )
            else:
                messages.success(
                    request, gettext_lazy("Your comment has been changed.")
                )
            return _back_to(page, comment, request)
    return _form_page(
        request,
        page=page,
        form=form,
        title=_("Edit comment"),
        action=request.path,
        submit=_("Save changes"),
        status=400 if form.is_bound else 200,
    )


@require_POST
def comment_delete_view(request, comment_id):
    comment, page = _readable_comment(request, comment_id)
    if not comment_is_own(comment=comment, user=request.user):
        return _refuse(request, page, _("You can only delete your own comments."))
    comment_delete(comment=comment, user=request.user)
    messages.success(request, gettext_lazy("Your comment has been deleted."))
    return redirect(page.get_url(request) + "#kommentare")


@require_http_methods(["GET", "POST"])
def comment_report_view(request, comment_id):
    comment, page = _readable_comment(request, comment_id)
    if not request.user.is_authenticated:
        return _refuse(request, page, _("Please log in to report a comment."))
    form = CommentReportForm(
        request.POST if request.method == "POST" else None, auto_id="report_%s"
    )
    if request.method == "POST" and form.is_valid():
        try:
            comment_report(
                comment=comment,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            return _refuse(request, page, " ".join(error.messages), status=400)
        messages.success(
            request,
            gettext_lazy("Thank you. The moderators will look at the comment."),
        )
        return _back_to(page, comment, request)
    return _form_page(
        request,
        page=page,
        form=form,
        title=_("Report comment"),
        action=request.path,
        submit=_("Send report"),
        quoted=comment,
        status=400 if form.is_bound else 200,
    )


def _write(request, *, page, parent):
    if not comment_can_write(page=page, request=request):
        return _refuse(request, page, _("You cannot comment on this page."))
    form = CommentForm(request.POST, auto_id="reply_%s" if parent else "id_%s")
    status = 400
    if form.is_valid():
        try:
            comment = comment_create(
                page=page,
                author=request.user,
                body=form.cleaned_data["body"],
                notify_on_reply=form.cleaned_data["notify_on_reply"],
                parent=parent,
            )
        except CommentDuplicate as duplicate:
            messages.info(request, duplicate.messages[0])
            return _back_to(page, duplicate.existing, request)
        except CommentRateLimited as error:
            form.add_error(None, error)
            status = 429
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if comment.status == Comment.Status.PENDING:
                messages.success(
                    request,
                    gettext_lazy(
                        "Thank you! Your comment will be shown as soon as "
                        "a moderator has approved it."
                    ),
                )
            else:
                messages.success(
                    request, gettext_lazy("Thank you! Your comment is published.")
                )
            return _back_to(page, comment, request)
    return _form_page(
        request,
        page=page,
        form=form,
        title=_("Reply to a comment") if parent else _("Write a comment"),
        action=request.path,
        submit=_("Publish reply") if parent else _("Publish comment"),
        quoted=parent,
        premoderated=page.moderation == ModerationMode.PRE,
        status=status,
    )


def _commentable_page(page):
    page = page.specific
    if not isinstance(page, CommentableBase) or not page.live:
        raise Http404
    return page


def _readable_comment(request, comment_id):
    comment = get_object_or_404(
        Comment.objects.select_related("page", "author"), pk=comment_id
    )
    page = _commentable_page(comment.page)
    if not comment_can_read(page=page, request=request):
        raise Http404
    return comment, page


def _add_errors(form, error):
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def _back_to(page, comment, request):
    return redirect(f"{page.get_url(request)}#{comment.anchor}")


def _refuse(request, page, message, status=403):
    return TemplateResponse(
        request,
        "comments/refused.html",
        {"target_page": page, "message": message},
        status=status,
    )


def _form_page(request, *, page, form, title, action, submit, status, **extra):
    return TemplateResponse(
        request,
        "comments/form_page.html",
        {
            "target_page": page,
            "form": form,
            "title": title,
            "action": action,
            "submit": submit,
            **extra,
        },
        status=status,
    )
