"""Registrations for events, courses and working groups, with waitlist."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.people import display_name

MAX_CHILDREN = 6
MAX_CHILD_AGE = 17
CHILD_AGE_GROUPS = ((0, 2, "0–2"), (3, 5, "3–5"), (6, 9, "6–9"), (10, None, "10+"))


class RegistrationMode(models.TextChoices):
    NONE = "none", _("No registration")
    MEMBERS = "members", _("Members only")
    OPEN = "open", _("Open to guests")


class RegistrationMixin(models.Model):
    """Who may register for a page, how many, until when, and what is asked.

    Shared by events, courses and working groups ("join" is a registration
    without date). The page types say when they start (``registration_starts``)
    and whether people may take part online (``offers_hybrid_participation``).
    """

    registration_mode = models.CharField(
        _("registration"),
        max_length=10,
        choices=RegistrationMode.choices,
        default=RegistrationMode.NONE,
        help_text=_(
            "Base conferences are for members; thematic councils are open to guests."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        help_text=_("Number of seats; leave empty for no limit."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_(
            "Berlin time. Leave empty to accept registrations until the start."
        ),
    )
    childcare_offered = models.BooleanField(
        _("childcare offered"),
        default=False,
        help_text=_("Registrations will ask for the number and ages of children."),
    )
    accessibility_questions = models.BooleanField(
        _("ask for accessibility needs"),
        default=False,
        help_text=_(
            "Registrations ask whether step-free access or other help is needed."
        ),
    )
    online_participation_offered = models.BooleanField(
        _("online participation offered"),
        default=False,
        help_text=_(
            "Only for hybrid events: people may choose to take part online instead."
        ),
    )

    class Meta:
        abstract = True

    @classmethod
    def registration_panel(cls, *, dated=True, hybrid=True, extra=()):
        fields = ["registration_mode", "capacity"]
        if dated:
            fields.append("registration_deadline")
        fields += ["childcare_offered", "accessibility_questions"]
        if hybrid:
            fields.append("online_participation_offered")
        return MultiFieldPanel(
            [FieldPanel(name) for name in fields] + list(extra),
            heading=_("Registration"),
        )

    def registration_starts(self):
        """When the registered-for thing starts; ``None`` for dateless joining."""
        return None

    def offers_hybrid_participation(self):
        return False

    @property
    def registration_closes(self):
        return self.registration_deadline or self.registration_starts()

    def registration_errors(self):
        errors = {}
        starts = self.registration_starts()
        if (
            self.registration_deadline
            and starts
            and self.registration_deadline > starts
        ):
            errors["registration_deadline"] = _(
                "The registration deadline must not be after the start."
            )
        if self.online_participation_offered and not self.offers_hybrid_participation():
            errors["online_participation_offered"] = _(
                "Online participation can only be offered for hybrid events."
            )
        return errors


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.filter(status__in=Registration.ACTIVE)

    def holding_seats(self):
        return self.filter(status__in=Registration.HOLDING_SEAT)

    def waiting_in_order(self):
        return self.filter(status=Registration.Status.WAITING).order_by(
            F("queued_at").asc(nulls_last=True), "pk"
        )


class Registration(models.Model):
    """One person's registration for an event, course or working group."""

    class Status(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Not yet confirmed")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("Waiting list")
        OFFERED = "offered", _("Seat offered")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    ACTIVE = (Status.UNCONFIRMED, Status.CONFIRMED, Status.WAITING, Status.OFFERED)
    HOLDING_SEAT = (Status.CONFIRMED, Status.OFFERED)

    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("page"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="registrations",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=120, blank=True)
    email = models.EmailField(
        _("email address"), blank=True, help_text=_("Only for guests without account.")
    )
    organisation = models.CharField(
        _("organisation or initiative"), max_length=160, blank=True
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, db_index=True
    )
    language = models.CharField(_("language"), max_length=10, blank=True)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now)
    queued_at = models.DateTimeField(
        _("on the waiting list since"), null=True, blank=True
    )
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(
        _("offer expires at"), null=True, blank=True
    )
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    consent_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    children_ages = models.JSONField(
        _("ages of children"),
        default=list,
        blank=True,
        help_text=_("One age in years per child needing care; 0 means under one."),
    )
    needs_step_free = models.BooleanField(_("needs step-free access"), default=False)
    accessibility_other = models.TextField(
        _("other accessibility needs"), max_length=500, blank=True
    )
    online = models.BooleanField(_("takes part online"), default=False)
    anonymised_at = models.DateTimeField(
        _("anonymised at"),
        null=True,
        blank=True,
        help_text=_(
            "When the person's data was removed (retention period or account "
            "erasure); the row stays so seat figures remain."
        ),
    )

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        db_table = "dialog_registration"
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"],
                condition=Q(
                    user__isnull=False,
                    status__in=["unconfirmed", "confirmed", "waiting", "offered"],
                ),
                name="dialog_registration_one_active_per_user",
            ),
            models.UniqueConstraint(
                F("page"),
                Lower("email"),
                condition=Q(
                    status__in=["unconfirmed", "confirmed", "waiting", "offered"]
                )
                & ~Q(email=""),
                name="dialog_registration_one_active_per_email",
            ),
            models.CheckConstraint(
                condition=Q(user__isnull=False)
                | ~Q(email="")
                | Q(anonymised_at__isnull=False),
                name="dialog_registration_account_or_email",
            ),
        ]
        indexes = [models.Index(fields=["page", "status"])]

    def __str__(self):
        return f"{self.person_name} – {self.get_status_display()}"

    def clean(self):
        super().clean()
        if not isinstance(self.children_ages, list) or any(
            not isinstance(age, int) or not 0 <= age <= MAX_CHILD_AGE
            for age in self.children_ages
        ):
            raise ValidationError(
                {"children_ages": _("Ages must be whole numbers from 0 to 17.")}
            )

    @property
    def person_name(self):
        if self.anonymised_at is not None:
            return str(_("Anonymised"))
        if self.user_id:
            return display_name(self.user)
        return self.name

    @property
    def contact_email(self):
        return self.user.email if self.user_id else self.email

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    @property
    def holds_seat(self):
        return self.status in self.HOLDING_SEAT
