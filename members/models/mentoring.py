import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..pool_choices import (
    AVAILABILITY_CHOICES,
    LANGUAGE_CHOICES,
    SELF_IDENTIFICATION_CHOICES,
    labels,
)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class MentoringApplication(models.Model):
    """A member's wish to be mentored, or offer to mentor."""

    class Role(models.TextChoices):
        MENTEE = "mentee", _("Mentee")
        MENTOR = "mentor", _("Mentor")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        MATCHED = "matched", _("Matched")
        CLOSED = "closed", _("Closed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    CURRENT = [Status.OPEN, Status.MATCHED]

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="mentoring_applications",
        verbose_name=_("member"),
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    goals = models.TextField(
        _("goals and topics"),
        max_length=2000,
        help_text=_("What you would like to learn or pass on."),
    )
    languages = models.JSONField(_("languages"), default=list, blank=True)
    district = models.ForeignKey(
        "home.DistrictPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
    )
    availability = models.JSONField(_("availability"), default=list, blank=True)
    self_identification = models.JSONField(
        _("self-identification"), default=list, blank=True
    )
    self_identification_note = models.CharField(
        _("self-identification in your own words"), max_length=100, blank=True
    )
    consented_at = models.DateTimeField(_("consent given at"))
    consent_version = models.PositiveSmallIntegerField(_("wording version"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("applied at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring application")
        verbose_name_plural = _("mentoring applications")
        ordering = ["created_at"]
        permissions = [
            ("coordinate_mentoring", _("Can coordinate the mentoring programme")),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(status__in=["open", "matched"]),
                name="members_mentoring_one_current_application_per_role",
            )
        ]

    def __str__(self):
        return f"{self.get_role_display()} {self.pk}"

    @property
    def language_labels(self) -> list[str]:
        return labels(LANGUAGE_CHOICES, self.languages)

    @property
    def availability_labels(self) -> list[str]:
        return labels(AVAILABILITY_CHOICES, self.availability)

    @property
    def self_identification_labels(self) -> list[str]:
        return labels(SELF_IDENTIFICATION_CHOICES, self.self_identification)


class MentoringPair(models.Model):
    """A match proposed by a coordinator; active once both people accepted it.

    Each person answers through their own random token; only when both have
    accepted does the portal mail each the other's address.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ENDED = "ended", _("Ended")

    mentee_application = models.ForeignKey(
        MentoringApplication,
        on_delete=models.CASCADE,
        related_name="pairs_as_mentee",
        verbose_name=_("mentee"),
    )
    mentor_application = models.ForeignKey(
        MentoringApplication,
        on_delete=models.CASCADE,
        related_name="pairs_as_mentor",
        verbose_name=_("mentor"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    mentee_token = models.CharField(max_length=64, unique=True, default=new_token)
    mentor_token = models.CharField(max_length=64, unique=True, default=new_token)
    mentee_accepted_at = models.DateTimeField(
        _("accepted by the mentee at"), null=True, blank=True
    )
    mentor_accepted_at = models.DateTimeField(
        _("accepted by the mentor at"), null=True, blank=True
    )
    activated_at = models.DateTimeField(_("active since"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    proposal_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)
    introduction_mailed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("mentoring pair")
        verbose_name_plural = _("mentoring pairs")
        ordering = ["-proposed_at"]

    def __str__(self):
        return str(self.pk)
