from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..consents import KIND_CHOICES, wording_for


class Profile(models.Model):
    """What a person tells the portal about themselves; shown without contact data."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="profile",
        verbose_name=_("user"),
    )
    display_name = models.CharField(
        _("display name"),
        max_length=60,
        blank=True,
        help_text=_("Shown next to your comments. A pseudonym is fine."),
    )
    district = models.ForeignKey(
        "home.DistrictPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("The district association you belong to or live in."),
    )
    languages = models.JSONField(
        _("languages"),
        default=list,
        blank=True,
        help_text=_("Language codes from the portal's languages."),
    )
    preferred_language = models.CharField(
        _("language for emails"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="de",
        help_text=_("The language of the emails the portal sends you."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.display_name or str(self.user_id)


class Consent(models.Model):
    """One consent as given: kind, the version of the wording agreed to, and when."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="consents",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=40, choices=KIND_CHOICES)
    version = models.PositiveSmallIntegerField(_("wording version"))
    given_at = models.DateTimeField(_("given at"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-given_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "kind"],
                condition=Q(withdrawn_at__isnull=True),
                name="members_consent_one_active_per_kind",
            )
        ]

    def __str__(self):
        return f"{self.kind} v{self.version}"

    @property
    def wording(self):
        return wording_for(self.kind, self.version)


class MembershipVerification(models.Model):
    """A person's request to be confirmed as a party member by their district."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Rejected")
        REVOKED = "revoked", _("Revoked")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership_verifications",
        verbose_name=_("user"),
    )
    district = models.ForeignKey(
        "home.DistrictPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("The district association whose office decides."),
    )
    membership_number = models.CharField(
        _("membership number"),
        max_length=20,
        help_text=_("As printed on the membership card."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.PENDING,
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    rejection_reason = models.TextField(
        _("reason for rejection"),
        blank=True,
        help_text=_("Sent to the person; optional."),
    )
    # A revocation keeps the confirmation (decided_by/at) on record next to it.
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revocation_reason = models.TextField(
        _("reason for revocation"),
        blank=True,
        help_text=_("Sent to the person; optional."),
    )

    class Meta:
        verbose_name = _("membership verification")
        verbose_name_plural = _("membership verifications")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=Q(status="pending"),
                name="members_one_open_verification_per_user",
            )
        ]

    def __str__(self):
        return f"{self.membership_number} ({self.get_status_display()})"
