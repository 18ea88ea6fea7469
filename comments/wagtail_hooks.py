"""Comment moderation in the Wagtail admin; comments in the own-data export.

Press staff (permission ``comments.moderate_all_comments``) moderate every
comment, district editors those on their districts' pages. Every view checks
the scope on the server; anyone else gets 403.
"""

from django.contrib import messages
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from core.roles import PRESS
from core.views import admin_forbidden_as_403
from home.models import DistrictPage
from home.selectors import districts_managed_by

from .caching import comment_threads_changed
from .forms import CommentQueueFilterForm, ModerationReasonForm
from .models import Comment, CommentReport
from .selectors import (
    MODERATE_ALL_PERMISSION,
    comment_can_moderate_any,
    commentable_models,
    comments_moderated_by,
    moderation_queue,
)
from .services import comment_approve, comment_hide, comment_reject

QUEUE_PAGE_SIZE = 50


def _require_moderator(request):
    if not comment_can_moderate_any(user=request.user):
        raise PermissionDenied


def _moderated_comment(request, pk):
    _require_moderator(request)
    # A comment outside the moderator's districts is as absent as a missing one.
    return get_object_or_404(comments_moderated_by(user=request.user), pk=pk)


_forbidden_as_403 = admin_forbidden_as_403(
    "comments/admin/forbidden.html",
    {
        "header_title": _("Comments"),
        "page_title": _("Comments"),
        "header_icon": "comment",
    },
)


def _district_choices(user):
    if user.has_perm(MODERATE_ALL_PERMISSION):
        return DistrictPage.objects.order_by("title")
    return districts_managed_by(user).order_by("title")


def _page_type_choices():
    models = commentable_models()
    return ContentType.objects.filter(
        pk__in=[ContentType.objects.get_for_model(model).pk for model in models]
    ).order_by("model")


def queue_view(request):
    _require_moderator(request)
    form = CommentQueueFilterForm(
        request.GET or None,
        districts=_district_choices(request.user),
        page_types=_page_type_choices(),
    )
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    comments = moderation_queue(user=request.user, filters=filters)
    paginator = Paginator(comments, QUEUE_PAGE_SIZE)
    try:
        items = paginator.page(request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    return TemplateResponse(
        request,
        "comments/admin/queue.html",
        {
            "header_title": _("Comments"),
            "page_title": _("Comments"),
            "header_icon": "comment",
            "filter_form": form,
            "items": items,
            "elided_page_range": paginator.get_elided_page_range(items.number),
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


def detail_view(request, pk):
    comment = _moderated_comment(request, pk)
    return _detail(request, comment, ModerationReasonForm())


def _detail(request, comment, reason_form, status=200):
    comment = Comment.objects.select_related(
        "page", "author", "parent__author", "moderated_by"
    ).get(pk=comment.pk)
    return TemplateResponse(
        request,
        "comments/admin/detail.html",
        {
            "header_title": _("Comment #%(id)s") % {"id": comment.pk},
            "page_title": _("Comment #%(id)s") % {"id": comment.pk},
            "header_icon": "comment",
            "comment": comment,
            "reports": comment.reports.select_related("reporter", "resolved_by"),
            "reason_form": reason_form,
        },
        status=status,
    )


@require_POST
def approve_view(request, pk):
    comment = _moderated_comment(request, pk)
    comment_approve(comment=comment, moderator=request.user)
    messages.success(request, _("Comment #%(id)s approved.") % {"id": comment.pk})
    return redirect("comment_moderation:index")


@require_POST
def reject_view(request, pk):
    return _with_reason(request, pk, comment_reject, _("Comment #%(id)s rejected."))


@require_POST
def hide_view(request, pk):
    return _with_reason(request, pk, comment_hide, _("Comment #%(id)s hidden."))


def _with_reason(request, pk, action, done):
    comment = _moderated_comment(request, pk)
    form = ModerationReasonForm(request.POST)
    if form.is_valid():
        try:
            action(
                comment=comment,
                moderator=request.user,
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            form.add_error("reason", error.messages)
        else:
            messages.success(request, done % {"id": comment.pk})
            return redirect("comment_moderation:index")
    return _detail(request, comment, form, status=400)


class CommentModerationViewSet(ViewSet):
    name = "comment_moderation"
    url_prefix = "kommentare"
    icon = "comment"
    menu_label = gettext_lazy("Comments")
    menu_order = 220
    add_to_admin_menu = True

    def get_urlpatterns(self):
        return [
            path("", _forbidden_as_403(queue_view), name="index"),
            path("<int:pk>/", _forbidden_as_403(detail_view), name="detail"),
            path(
                "<int:pk>/freigeben/", _forbidden_as_403(approve_view), name="approve"
            ),
            path("<int:pk>/ablehnen/", _forbidden_as_403(reject_view), name="reject"),
            path("<int:pk>/ausblenden/", _forbidden_as_403(hide_view), name="hide"),
        ]

    @cached_property
    def menu_url(self):
        return reverse("comment_moderation:index")

    @cached_property
    def menu_item_class(self):
        class CommentMenuItem(MenuItem):
            def is_shown(self, request):
                return comment_can_moderate_any(user=request.user)

        return CommentMenuItem


@hooks.register("register_admin_viewset")
def register_comment_moderation():
    return CommentModerationViewSet()


@hooks.register("register_permissions")
def comment_permissions():
    app_label, codename = MODERATE_ALL_PERMISSION.split(".")
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    )


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


@hooks.register("register_role_permissions")
def comment_role_permissions():
    return {PRESS: ["comments.moderate_all_comments"]}
