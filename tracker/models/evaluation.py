"""Evaluation of information formats: members' answers and daily usage counts.

Counts are aggregates only (page, day, metric → number): no account, address,
session or cookie is stored with them, so nobody's reading history exists.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class BriefingFeedback(models.Model):
    """Did a briefing help a member explain the decision? One answer per member."""

    class Answer(models.TextChoices):
        YES = "yes", _("Yes")
        PARTLY = "partly", _("Partly")
        NO = "no", _("No")

    briefing = models.ForeignKey(
        "news.DecisionBriefingPage",
        on_delete=models.CASCADE,
        related_name="feedback",
        verbose_name=_("decision briefing"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("member"),
    )
    answer = models.CharField(_("answer"), max_length=6, choices=Answer.choices)
    remark = models.CharField(_("remark"), max_length=500, blank=True)
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("briefing feedback")
        verbose_name_plural = _("briefing feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["briefing", "user"], name="unique_tracker_feedback"
            )
        ]
        permissions = [
            (
                "view_evaluation_report",
                _("Can view the evaluation of information formats"),
            )
        ]

    def __str__(self):
        return f"{self.briefing_id}: {self.get_answer_display()}"


class Metric(models.TextChoices):
    PAGE_VIEW = "page_view", _("Page views")
    PRINT_VIEW = "print_view", _("Print-view uses")
    FEED = "feed", _("Feed requests")
    CALENDAR = "calendar", _("Calendar requests")


class UsageCount(models.Model):
    """How often something happened on one day; ``page`` empty for site feeds."""

    date = models.DateField(_("date"))
    metric = models.CharField(_("metric"), max_length=12, choices=Metric.choices)
    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("page"),
    )
    count = models.PositiveIntegerField(_("count"), default=0)
    # How much of the day's cache counter ``count`` already holds: a flush adds
    # only the difference, so running it twice or after a crash counts nothing twice.
    cache_total = models.PositiveIntegerField(_("cache counter flushed"), default=0)

    class Meta:
        verbose_name = _("usage count")
        verbose_name_plural = _("usage counts")
        constraints = [
            models.UniqueConstraint(
                fields=["date", "metric", "page"],
                condition=Q(page__isnull=False),
                name="unique_tracker_usage_page",
            ),
            models.UniqueConstraint(
                fields=["date", "metric"],
                condition=Q(page__isnull=True),
                name="unique_tracker_usage_site",
            ),
        ]

    def __str__(self):
        return f"{self.date} {self.metric} {self.page_id}: {self.count}"
