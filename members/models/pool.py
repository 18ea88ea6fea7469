import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from taggit.managers import TaggableManager
from taggit.models import TaggedItemBase

from ..pool_choices import AVAILABILITY_CHOICES, LANGUAGE_CHOICES, labels, skill_label


def new_token() -> str:
    """256 random bits: a link in a mail that nobody can guess."""
    return secrets.token_urlsafe(32)


class TaggedPoolSkill(TaggedItemBase):
    content_object = models.ForeignKey(
        "members.PoolEntry", on_delete=models.CASCADE, related_name="tagged_skills"
    )

    class Meta:
        verbose_name = _("skill of a pool entry")
        verbose_name_plural = _("skills of pool entries")


class PoolEntry(models.Model):
    """A verified member's offer to help: skills, where, when, in which languages.

    ``languages`` and ``availability`` are JSON objects keyed by code
    (``{"tr": true}``) so that ``has_key`` filters them on SQLite and PostgreSQL.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pool_entry",
        verbose_name=_("member"),
    )
    skills = TaggableManager(
        through=TaggedPoolSkill,
        blank=True,
        verbose_name=_("skills"),
        help_text=_("What you can do or would like to do."),
    )
    districts = models.ManyToManyField(
        "home.DistrictPage",
        related_name="+",
        verbose_name=_("districts"),
        help_text=_("The districts you would like to help in."),
    )
    languages = models.JSONField(_("languages"), default=dict, blank=True)
    availability = models.JSONField(_("availability"), default=dict, blank=True)
    availability_note = models.CharField(
        _("note on availability"),
        max_length=200,
        blank=True,
        help_text=_("For example: not in school holidays."),
    )
    contact_consented_at = models.DateTimeField(
        _("consent to contact given at"), null=True, blank=True
    )
    contact_consent_version = models.PositiveSmallIntegerField(
        _("wording version of the consent"), null=True, blank=True
    )
    contact_consent_withdrawn_at = models.DateTimeField(
        _("consent to contact withdrawn at"), null=True, blank=True
    )
    paused = models.BooleanField(_("paused"), default=False)
    paused_until = models.DateField(
        _("paused until"),
        null=True,
        blank=True,
        help_text=_("Empty while paused: paused until you resume."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("volunteer pool entry")
        verbose_name_plural = _("volunteer pool entries")
        permissions = [
            ("search_volunteer_pool", _("Can search the volunteer pool")),
        ]

    def __str__(self):
        return str(self.pk)

    @property
    def has_consent(self) -> bool:
        return self.contact_consented_at is not None

    def is_paused(self, today=None) -> bool:
        if not self.paused:
            return False
        if self.paused_until is None:
            return True
        return self.paused_until >= (today or timezone.localdate())

    @property
    def language_labels(self) -> list[str]:
        return labels(LANGUAGE_CHOICES, self.languages)

    @property
    def availability_labels(self) -> list[str]:
        return labels(AVAILABILITY_CHOICES, self.availability)

    def skill_labels(self) -> list[str]:
        return sorted(skill_label(tag.name) for tag in self.skills.all())


class PoolMessage(models.Model):
    """A coordinator's message to a pool member, relayed by mail.

    The coordinator sees the member's display name, the text and the answer;
    the member's address stays with the portal. ``token`` opens the answer and
    decline pages once.
    """

    class Status(models.TextChoices):
        SENT = "sent", _("Sent")
        ANSWERED = "answered", _("Answered")
        DECLINED = "declined", _("Declined")

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("sender"),
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pool_messages",
        verbose_name=_("recipient"),
    )
    subject = models.CharField(_("subject"), max_length=150)
    body = models.TextField(_("text"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SENT
    )
    token = models.CharField(max_length=64, unique=True, default=new_token)
    created_at = models.DateTimeField(_("sent at"), default=timezone.now)
    relayed_at = models.DateTimeField(_("relayed at"), null=True, blank=True)
    answer = models.TextField(_("answer"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    sender_notified_at = models.DateTimeField(
        _("sender notified at"), null=True, blank=True
    )

    class Meta:
        verbose_name = _("pool message")
        verbose_name_plural = _("pool messages")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["sender", "created_at"])]

    def __str__(self):
        return self.subject
