"""The coalition agreement: chapters, items and the dated history of each item.

Chapters and items are ordinary models below one agreement page
(``tracker.models.pages``; editors keep 40+ items in a filterable admin list and
import them from CSV); the page serves the overview, a page per chapter and per
item. An item's status is never edited
directly: every change is a ``StatusUpdate`` (append-only), and the item keeps a
copy of the newest one for filtering and charts.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.models import MailQueueRow
from subscriptions.models import Frequency


class ItemStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    IMPLEMENTED = "implemented", _("Implemented")
    STALLED = "stalled", _("Stalled")
    DROPPED = "dropped", _("Dropped")


class AgreementChapter(models.Model):
    agreement = models.ForeignKey(
        "tracker.CoalitionAgreementPage",
        on_delete=models.CASCADE,
        related_name="chapters",
        verbose_name=_("coalition agreement"),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The chapter's number in the agreement.")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=1000,
        help_text=_("What the chapter is about, in two or three sentences."),
    )
    events = models.ManyToManyField(
        "dialog.EventPage",
        blank=True,
        related_name="agreement_chapters",
        limit_choices_to={"kind": "base_conference"},
        verbose_name=_("base conferences"),
        help_text=_("Base conferences that discuss this chapter."),
    )

    class Meta:
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        ordering = ["agreement", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "number"], name="unique_tracker_chapter_number"
            )
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"

    def get_url(self, request=None):
        return self.agreement.url + self.agreement.reverse_subpage(
            "chapter", args=[self.number]
        )


class AgreementItem(models.Model):
    chapter = models.ForeignKey(
        AgreementChapter,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("chapter"),
    )
    number = models.PositiveSmallIntegerField(
        _("number"), help_text=_("The item's number within its chapter.")
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("A short name for the promise.")
    )
    agreed_text = models.TextField(
        _("agreed text"),
        help_text=_("The wording of the agreement, quoted exactly."),
    )
    topics = models.ManyToManyField(
        "home.Topic",
        blank=True,
        related_name="agreement_items",
        verbose_name=_("topics"),
    )
    department = models.CharField(
        _("responsible Senate department"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen"),
    )
    # A copy of the newest status update (see the module docstring).
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ItemStatus.choices,
        default=ItemStatus.NOT_STARTED,
        editable=False,
    )
    progress = models.PositiveSmallIntegerField(
        _("progress in %"), default=0, editable=False
    )
    status_date = models.DateField(_("status as of"), null=True, editable=False)
    briefings = models.ManyToManyField(
        "news.DecisionBriefingPage",
        blank=True,
        related_name="agreement_items",
        verbose_name=_("decision briefings"),
        help_text=_("Briefings on decisions that implement or touch this item."),
    )
    events = models.ManyToManyField(
        "dialog.EventPage",
        blank=True,
        related_name="agreement_items",
        limit_choices_to={"kind": "base_conference"},
        verbose_name=_("base conferences"),
        help_text=_("Base conferences that dealt with this item."),
    )

    class Meta:
        verbose_name = _("agreement item")
        verbose_name_plural = _("agreement items")
        ordering = ["chapter__number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["chapter", "number"], name="unique_tracker_item_number"
            ),
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="tracker_item_progress"
            ),
        ]

    def __str__(self):
        return f"{self.code} {self.title}"

    @property
    def code(self):
        return f"{self.chapter.number}.{self.number}"

    def get_url(self, request=None):
        agreement = self.chapter.agreement
        return agreement.url + agreement.reverse_subpage(
            "item", args=[self.chapter.number, self.number]
        )


class StatusUpdate(models.Model):
    """A dated change of an item's status; kept for ever, never edited."""

    item = models.ForeignKey(
        AgreementItem,
        on_delete=models.CASCADE,
        related_name="status_updates",
        verbose_name=_("agreement item"),
    )
    date = models.DateField(_("date"), help_text=_("When the change happened."))
    status = models.CharField(_("status"), max_length=12, choices=ItemStatus.choices)
    progress = models.PositiveSmallIntegerField(
        _("progress in %"), validators=[MaxValueValidator(100)]
    )
    note = models.TextField(
        _("note"),
        max_length=1000,
        blank=True,
        help_text=_("What happened: a law passed, a budget line cut …"),
    )
    source_url = models.URLField(
        _("source"), blank=True, help_text=_("A link to a press release, law or plan.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("entered by"),
    )
    created_at = models.DateTimeField(_("entered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        ordering = ["-date", "-created_at", "-pk"]
        indexes = [models.Index(fields=["item", "-date"], name="tracker_update_item")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(progress__lte=100), name="tracker_update_progress"
            )
        ]

    def __str__(self):
        return f"{self.item.code} {self.get_status_display()} ({self.date})"


# The kind subscribers of status changes follow (``Subscription.kind``),
# registered in ``wagtail_hooks.agreements``.
AGREEMENT_KIND = "agreement"


class StatusMail(MailQueueRow):
    """One status change for one subscriber; unique, so nobody gets it twice."""

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    update = models.ForeignKey(
        StatusUpdate,
        on_delete=models.CASCADE,
        related_name="mails",
        verbose_name=_("status update"),
    )
    subscriber = models.ForeignKey(
        "subscriptions.Subscriber",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("subscriber"),
    )
    frequency = models.CharField(
        _("frequency"), max_length=10, choices=Frequency.choices
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.QUEUED
    )

    class Meta:
        verbose_name = _("status mail")
        verbose_name_plural = _("status mails")
        constraints = [
            models.UniqueConstraint(
                fields=["update", "subscriber"], name="unique_tracker_status_mail"
            )
        ]
        indexes = [
            models.Index(fields=["frequency", "state"], name="tracker_mail_queue")
        ]
