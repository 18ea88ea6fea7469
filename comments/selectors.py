"""Who may read, write and moderate comments, and the thread a reader sees."""

from datetime import timedelta

from django.apps import apps
from django.core.cache import cache
from django.db.models import (
    Case,
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.middleware.csrf import get_token
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from core.caching import fragment_version
from core.pages import is_visible_to
from core.people import display_name, is_verified_member
from home.selectors import districts_managed_by, in_district_q

from .caching import comment_thread_name
from .models import (
    Comment,
    CommentableBase,
    CommentMode,
    CommentReport,
)

EDIT_WINDOW = timedelta(minutes=15)
LISTING_TIMEOUT = 60 * 60
MODERATE_ALL_PERMISSION = "comments.moderate_all_comments"
# What ``{% csrf_token %}`` renders in a cached comment list; only the template
# can produce the whole input (comment text and names are escaped).
CSRF_PLACEHOLDER = "portal-csrf-placeholder"
CSRF_PLACEHOLDER_INPUT = (
    f'<input type="hidden" name="csrfmiddlewaretoken" value="{CSRF_PLACEHOLDER}">'
)


def _csrf_input(token: str) -> str:
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', token
    )


def comment_can_read(*, page, request) -> bool:
    """Comments are read where the page is: page privacy decides."""
    return page.live and page.comments_enabled and is_visible_to(page, request)


def comment_can_write(*, page, request) -> bool:
    """Whether ``request.user`` may write on ``page`` under its comment mode."""
    user = request.user
    if not page.comments_open or not comment_can_read(page=page, request=request):
        return False
    if not user.is_authenticated or not user.is_active:
        return False
    if page.comments_mode == CommentMode.MEMBERS:
        return is_verified_member(user)
    return page.comments_mode == CommentMode.LOGGED_IN


def comment_can_edit(*, comment, user, now=None) -> bool:
    """Authors may correct their text for 15 minutes after writing it."""
    now = now or timezone.now()
    return (
        comment_is_own(comment=comment, user=user)
        and not comment.is_deleted
        and comment.status in (Comment.Status.PENDING, Comment.Status.APPROVED)
        and now - comment.created_at <= EDIT_WINDOW
    )


def comment_is_own(*, comment, user) -> bool:
    return (
        user.is_authenticated
        and comment.author_id is not None
        and comment.author_id == user.pk
    )


def comment_author_name(comment) -> str:
    if comment.author is None:
        return str(_("Former member"))
    return display_name(comment.author)


def commentable_models():
    return [
        model
        for model in apps.get_models()
        if issubclass(model, CommentableBase) and not model._meta.abstract
    ]


def comments_in_district_q(district):
    """Comments on pages filed under ``district`` (field or place in the tree)."""
    below = Q(page__path__startswith=district.path, page__depth__gt=district.depth)
    filed = Q()
    for model in commentable_models():
        if any(field.name == "district" for field in model._meta.get_fields()):
            filed |= Q(
                page__in=model.objects.filter(in_district_q(district)).values("pk")
            )
    return below | filed


def comment_can_moderate_any(*, user) -> bool:
    """Press staff moderate everywhere, district editors in their districts."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.has_perm(MODERATE_ALL_PERMISSION):
        return True
    return districts_managed_by(user).exists()


def comments_moderated_by(*, user):
    """The comments ``user`` may moderate; none for anyone else."""
    comments = Comment.objects.all()
    if not user.is_authenticated or not user.is_active:
        return comments.none()
    if user.has_perm(MODERATE_ALL_PERMISSION):
        return comments
    districts = list(districts_managed_by(user))
    if not districts:
        return comments.none()
    scope = Q()
    for district in districts:
        scope |= comments_in_district_q(district)
    return comments.filter(scope)


def comment_can_moderate(*, comment, user) -> bool:
    return comments_moderated_by(user=user).filter(pk=comment.pk).exists()


def moderation_queue(*, user, filters=None):
    """Comments to moderate: pending and reported first, then the newest."""
    filters = filters or {}
    open_reports = CommentReport.objects.filter(
        comment=OuterRef("pk"), resolved_at__isnull=True
    )
    report_count = (
        open_reports.order_by()
        .values("comment")
        .annotate(number=Count("pk"))
        .values("number")
    )
    comments = comments_moderated_by(user=user).annotate(
        open_report_count=Coalesce(Subquery(report_count), 0),
        needs_action=Case(
            When(status=Comment.Status.PENDING, then=Value(1)),
            When(Exists(open_reports), then=Value(1)),
            default=Value(0),
        ),
    )
    if status := filters.get("status"):
        comments = comments.filter(status=status)
    if filters.get("reported"):
        comments = comments.filter(open_report_count__gt=0)
    if page_type := filters.get("page_type"):
        comments = comments.filter(page__content_type=page_type)
    if district := filters.get("district"):
        comments = comments.filter(comments_in_district_q(district))
    return comments.select_related("page", "author__profile").order_by(
        "-needs_action", "-created_at", "-pk"
    )


class CommentThread:
    """The comments of a page as one reader sees them.

    Built for every page render; the queries run only when a template asks,
    so the print view and pages with comments off cost nothing.
    """

    def __init__(self, *, page, request):
        self.page = page
        self.request = request
        self.user = request.user

    @cached_property
    def enabled(self):
        return self.page.comments_enabled

    @cached_property
    def can_read(self):
        return comment_can_read(page=self.page, request=self.request)

    @cached_property
    def can_write(self):
        return comment_can_write(page=self.page, request=self.request)

    @property
    def is_open(self):
        return self.page.comments_open

    @property
    def report_reasons(self):
        return CommentReport.Reason.choices

    @property
    def members_only(self):
        return self.page.comments_mode == CommentMode.MEMBERS

    @cached_property
    def listing(self):
        """The rendered list and its count, from the fragment cache when it can.

        200 comments with reply forms take a while to render, so the list is
        cached until the thread changes (``comments.caching`` bumps its version on
        every save or delete). Readers without comments of their own on the page
        (nearly all) share one render per language and kind of reader; authors
        get their own (their pending comments, edit and delete buttons), kept
        until the first own comment's edit window ends. Neither holds a CSRF
        token: forms carry a placeholder that each request fills with its own.
        """
        key = self._listing_key()
        listing = cache.get(key)
        if listing is None:
            html = render_to_string(
                "comments/list.html",
                {
                    "thread": self,
                    "comments": self.comments,
                    "csrf_token": CSRF_PLACEHOLDER,
                },
            )
            listing = {"count": self.count, "html": html}
            cache.set(key, listing, self._listing_timeout())
        html = listing["html"]
        if CSRF_PLACEHOLDER_INPUT in html:
            html = html.replace(
                CSRF_PLACEHOLDER_INPUT, _csrf_input(get_token(self.request))
            )
        return {"count": listing["count"], "html": mark_safe(html)}

    @cached_property
    def personal(self):
        """Whether the reader has comments on this page that others see differently
        (own pending ones, edit and delete buttons): one small query."""
        if not self.user.is_authenticated or not self.can_read:
            return False
        return Comment.objects.filter(
            page=self.page, author=self.user, deleted_at__isnull=True
        ).exists()

    def _listing_key(self):
        if not self.user.is_authenticated:
            reader = "visitor"
        elif self.personal:
            reader = f"user{self.user.pk}"
        else:
            reader = "member"
        return ":".join(
            [
                "portal:comments",
                str(self.page.pk),
                str(fragment_version(comment_thread_name(self.page.pk))),
                translation.get_language() or "",
                reader,
                "w" if self.can_write else "r",
            ]
        )

    def _listing_timeout(self):
        """Until the first own comment can no longer be edited, at most an hour."""
        now = timezone.now()
        ends = [
            item.created_at + EDIT_WINDOW
            for comment in self.comments
            for item in [comment, *comment.visible_replies]
            if item.can_edit
        ]
        if not ends:
            return LISTING_TIMEOUT
        return max(1, min(LISTING_TIMEOUT, int((min(ends) - now).total_seconds())))

    @cached_property
    def comments(self):
        """Top-level comments, each with ``visible_replies``, in three queries."""
        if not self.can_read:
            return []
        visible = self._visible_q()
        replies = Prefetch(
            "replies",
            queryset=Comment.objects.filter(visible)
            .select_related("author__profile")
            .order_by("created_at", "pk"),
            to_attr="visible_replies",
        )
        top_level = (
            Comment.objects.filter(page=self.page, parent__isnull=True)
            .filter(visible | Q(deleted_at__isnull=False) | self._hidden_q())
            .select_related("author__profile")
            .prefetch_related(replies)
            .order_by("created_at", "pk")
        )
        now = timezone.now()
        shown = []
        for comment in top_level:
            if not self._shows(comment):
                continue
            for item in [comment, *comment.visible_replies]:
                self._annotate(item, now)
            shown.append(comment)
        return shown

    @cached_property
    def count(self):
        return sum(
            (0 if c.is_deleted or c.status == Comment.Status.HIDDEN else 1)
            + len(c.visible_replies)
            for c in self.comments
        )

    def _visible_q(self):
        """Approved for everyone; the own pending or rejected ones for the author."""
        visible = Q(status=Comment.Status.APPROVED, deleted_at__isnull=True)
        if self.user.is_authenticated:
            visible |= Q(
                author=self.user,
                deleted_at__isnull=True,
                status__in=[Comment.Status.PENDING, Comment.Status.REJECTED],
            )
        return visible | self._hidden_q()

    @staticmethod
    def _hidden_q():
        return Q(status=Comment.Status.HIDDEN, deleted_at__isnull=True)

    @staticmethod
    def _shows(comment):
        """Deleted comments stay as a placeholder only while replies hang on them."""
        if comment.is_deleted:
            return bool(comment.visible_replies) and comment.status in (
                Comment.Status.APPROVED,
                Comment.Status.HIDDEN,
            )
        return True

    def _annotate(self, comment, now):
        comment.author_name = comment_author_name(comment)
        comment.is_own = comment_is_own(comment=comment, user=self.user)
        comment.can_edit = comment_can_edit(comment=comment, user=self.user, now=now)
        comment.can_reply = (
            self.can_write
            and comment.status == Comment.Status.APPROVED
            and not comment.is_deleted
        )
        comment.can_report = (
            self.user.is_authenticated
            and not comment.is_own
            and comment.status == Comment.Status.APPROVED
            and not comment.is_deleted
        )
