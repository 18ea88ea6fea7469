"""Onboarding: the common welcome standard every new member goes through."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.people import display_name

PLACEHOLDERS = ("name", "district", "next_meeting")
PLACEHOLDER_RE = re.compile(r"\{([^{}]*)\}")


class OnboardingStep(models.TextChoices):
    """The checklist, in the order a new member goes through it."""

    WELCOME_MAIL = "welcome_mail", _("Welcome mail")
    WELCOME_CALL = "welcome_call", _("Welcome call")
    MEETING_INVITED = "meeting_invited", _("Invited to the new-member meeting")
    MEETING_ATTENDED = "meeting_attended", _("First meeting attended")
    MENTOR_OFFERED = "mentor_offered", _("Mentor offered")
    SUBSCRIPTIONS = "subscriptions", _("Subscriptions set up")


class Onboarding(models.Model):
    """One new member's way in, looked after by their district.

    A record from a CSV import may have no account yet: it keeps name, email and
    phone until the email is confirmed by an account, then only the link.
    """

    class Source(models.TextChoices):
        VERIFICATION = "verification", _("Membership confirmed in the portal")
        IMPORT = "import", _("Imported (joined offline)")

    district = models.ForeignKey(
        "home.DistrictPage",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("district"),
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="onboarding",
        verbose_name=_("account"),
    )
    name = models.CharField(
        _("name"), max_length=120, blank=True, help_text=_("Only without account.")
    )
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("Only without account.")
    )
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("For the welcome call.")
    )
    joined_on = models.DateField(_("joined on"))
    source = models.CharField(
        _("source"), max_length=12, choices=Source.choices, default=Source.VERIFICATION
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("onboarding")
        verbose_name_plural = _("onboardings")
        ordering = ["joined_on", "pk"]
        permissions = [
            ("manage_onboarding", _("Can look after the onboarding of new members"))
        ]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~Q(email=""),
                name="members_onboarding_one_per_email",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False) | ~Q(email=""),
                name="members_onboarding_account_or_email",
            ),
        ]

    def __str__(self):
        return self.person_name

    @property
    def person_name(self):
        if self.user_id:
            return display_name(self.user)
        return self.name


class OnboardingStepDone(models.Model):
    """A ticked-off step: when, by whom (empty: the portal itself) and a note."""

    onboarding = models.ForeignKey(
        Onboarding,
        on_delete=models.CASCADE,
        related_name="steps",
        verbose_name=_("onboarding"),
    )
    step = models.CharField(_("step"), max_length=20, choices=OnboardingStep.choices)
    done_at = models.DateTimeField(_("done at"), default=timezone.now)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("done by"),
    )
    note = models.TextField(_("note"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("onboarding step")
        verbose_name_plural = _("onboarding steps")
        ordering = ["done_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["onboarding", "step"], name="members_onboarding_step_once"
            )
        ]

    def __str__(self):
        return self.get_step_display()


def placeholder_errors(text: str) -> list[str]:
    """Names in ``{…}`` that are no known placeholder."""
    return [name for name in PLACEHOLDER_RE.findall(text) if name not in PLACEHOLDERS]


class WelcomeMailText(models.Model):
    """The welcome mail as staff wrote it, one per language."""

    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        unique=True,
        help_text=_("New members get the text in their email language, else German."),
    )
    subject = models.CharField(
        _("subject"), max_length=150, help_text=_("Placeholders as in the text.")
    )
    body = models.TextField(
        _("text"),
        help_text=_(
            "Plain text. Placeholders: {name}, {district}, {next_meeting} (the next "
            "new-member meeting of the district, with date and link)."
        ),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("welcome mail text")
        verbose_name_plural = _("welcome mail texts")
        ordering = ["language"]

    def __str__(self):
        return f"{self.get_language_display()}: {self.subject}"

    def clean(self):
        super().clean()
        errors = {}
        for field in ("subject", "body"):
            unknown = placeholder_errors(getattr(self, field) or "")
            if unknown:
                errors[field] = _(
                    "Unknown placeholder %(unknown)s. Use {name}, {district} or "
                    "{next_meeting}."
                ) % {"unknown": ", ".join(f"{{{name}}}" for name in unknown)}
        if errors:
            raise ValidationError(errors)
