"""Comments on pages and their moderation.

A small module of our own rather than django-contrib-comments: comments belong
to Wagtail pages (so page privacy and district filing apply through a plain
foreign key), moderation has per-page modes and district scopes, and bodies
are plain text made safe with nh3.
"""

import html
import re

import nh3
from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

COMMENT_MAX_LENGTH = 3000


class CommentMode(models.TextChoices):
    OFF = "off", _("Off")
    MEMBERS = "members", _("Verified members")
    LOGGED_IN = "logged_in", _("Everyone logged in")


class ModerationMode(models.TextChoices):
    PRE = "pre", _("Pre-moderation: visible after approval")
    POST = "post", _("Post-moderation: visible at once, moderated afterwards")


class CommentableBase(models.Model):
    """Fields that switch comments on a page on and set how they are moderated.

    Pages use :class:`comments.mixins.CommentableMixin`, which adds the thread
    to the page's context; this base is what the selectors look for.
    """

    comments_mode = models.CharField(
        _("comments"),
        max_length=10,
        choices=CommentMode.choices,
        default=CommentMode.OFF,
        help_text=_(
            "Who may comment. On members-only pages only members can read "
            "comments in any case."
        ),
    )
    moderation = models.CharField(
        _("comment moderation"),
        max_length=4,
        choices=ModerationMode.choices,
        default=ModerationMode.PRE,
        help_text=_(
            "Pre-moderation shows comments after press staff or the district "
            "editors approved them; post-moderation shows them at once."
        ),
    )

    class Meta:
        abstract = True

    @property
    def comments_enabled(self):
        return self.comments_mode != CommentMode.OFF

    @property
    def comments_open(self):
        """Whether new comments are taken; forum pages close on their date."""
        return self.comments_enabled and getattr(self, "is_open", True)


_URL = re.compile(r"(https?://[^\s<>\"']+|mailto:[^\s<>\"']+)", re.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?)]"


def render_comment_body(text: str) -> str:
    """Plain text as safe HTML: escaped, paragraphs, links that cannot harm."""
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    parts = []
    for paragraph in paragraphs:
        lines = [
            _linkify(html.escape(line, quote=True)) for line in paragraph.split("\n")
        ]
        parts.append("<p>" + "<br>".join(lines) + "</p>")
    return nh3.clean(
        "".join(parts),
        tags={"a", "p", "br"},
        attributes={"a": {"href"}},
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener",
    )


def _linkify(escaped_line):
    def link(match):
        url = match.group(0)
        trailing = ""
        while url and url[-1] in _TRAILING_PUNCTUATION:
            trailing = url[-1] + trailing
            url = url[:-1]
        label = url.removeprefix("mailto:")
        return f'<a href="{url}">{label}</a>{trailing}'

    return _URL.sub(link, escaped_line)


def normalize_comment_text(text: str) -> str:
    """What two comments must share to count as the same text."""
    return " ".join(text.split()).casefold()


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for approval")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        HIDDEN = "hidden", _("Hidden")

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="portal_comments",
        verbose_name=_("page"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="portal_comments",
        verbose_name=_("author"),
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("reply to"),
    )
    body = models.TextField(_("text"), max_length=COMMENT_MAX_LENGTH)
    body_normalized = models.TextField(editable=False, default="")
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
        db_index=True,
    )
    moderation_reason = models.TextField(_("moderation reason"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("written at"), default=timezone.now)
    edited_at = models.DateTimeField(_("edited at"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted by the author at"), null=True)
    notify_on_reply = models.BooleanField(_("mail me about replies"), default=False)

    class Meta:
        db_table = "dialog_comment"
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["page", "created_at"]),
            models.Index(fields=["author", "created_at"]),
        ]
        permissions = [
            ("moderate_all_comments", _("Can moderate comments on every page")),
        ]

    def __str__(self):
        return f"#{self.pk}: {self.body[:40]}"

    @property
    def anchor(self):
        return f"kommentar-{self.pk}"

    @property
    def body_html(self):
        return render_comment_body(self.body)

    @property
    def is_deleted(self):
        return self.deleted_at is not None


class CommentReport(models.Model):
    class Reason(models.TextChoices):
        INSULT = "insult", _("Insult or harassment")
        DISCRIMINATION = "discrimination", _("Racism, sexism or other discrimination")
        PRIVACY = "privacy", _("Reveals personal data")
        SPAM = "spam", _("Spam or advertising")
        FALSE = "false", _("Deliberately false claims")
        OTHER = "other", _("Other")

    comment = models.ForeignKey(
        Comment,
        on_delete=models.CASCADE,
        related_name="reports",
        verbose_name=_("comment"),
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reported by"),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    text = models.TextField(_("details"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("reported at"), default=timezone.now)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("resolved by"),
    )

    class Meta:
        db_table = "dialog_commentreport"
        verbose_name = _("comment report")
        verbose_name_plural = _("comment reports")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=models.Q(resolved_at__isnull=True),
                name="one_open_report_per_reporter",
            )
        ]

    def __str__(self):
        return f"{self.get_reason_display()} (#{self.comment_id})"
