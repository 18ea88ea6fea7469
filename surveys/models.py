"""Member surveys, answered online or in a telephone interview.

A survey's questions are an inline of the survey (modelcluster), edited in the
admin by staff with ``surveys.manage_surveys``. Members answer once; the
answers are stored without the person (:class:`SurveyResponse`), apart from
the record that they took part (:class:`SurveyParticipation`). For the phone
mode, members who agreed to be called leave a phone number for this purpose only
(:class:`SurveyPhoneConsent`); staff put them on call lists per district, and
volunteer callers (``surveys.call_survey_members``) see only their own lists.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

MANAGE_SURVEYS_PERMISSION = "surveys.manage_surveys"
CALL_MEMBERS_PERMISSION = "surveys.call_survey_members"
SCALE_VALUES = range(1, 6)


class Survey(ClusterableModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    title = models.CharField(
        _("title"), max_length=200, help_text=_("As members see it.")
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What the survey is about and how the answers are used."),
    )
    status = models.CharField(
        _("status"),
        max_length=6,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_(
            "Members answer only while the survey is open; a closed survey "
            "keeps its results."
        ),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    panels = [
        FieldPanel("title"),
        FieldPanel("intro"),
        FieldPanel("status"),
        InlinePanel("questions", heading=_("Questions"), label=_("Question")),
    ]

    class Meta:
        db_table = "dialog_survey"
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        ordering = ["-created_at"]
        permissions = [
            ("manage_surveys", _("Can manage member surveys and call lists")),
            ("call_survey_members", _("Can call members for surveys")),
        ]

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status == self.Status.OPEN


class SurveyQuestion(Orderable):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        SCALE = "scale", _("Scale 1–5")
        TEXT = "text", _("Free text")

    survey = ParentalKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="questions",
        verbose_name=_("survey"),
    )
    text = models.CharField(
        _("question"), max_length=300, help_text=_("The question as it is asked.")
    )
    kind = models.CharField(
        _("kind"),
        max_length=8,
        choices=Kind.choices,
        default=Kind.SINGLE,
        help_text=_("How the question is answered."),
    )
    choices = models.TextField(
        _("choices"),
        blank=True,
        help_text=_("For single and multiple choice: one answer option per line."),
    )
    required = models.BooleanField(
        _("required"), default=True, help_text=_("An answer must be given.")
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("kind"),
        FieldPanel("choices"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        db_table = "dialog_surveyquestion"
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self):
        return self.text

    @property
    def has_choices(self):
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]

    def clean(self):
        if self.has_choices and len(self.choice_list) < 2:
            raise ValidationError(
                {"choices": _("Give at least two answer options, one per line.")}
            )


class SurveyParticipation(models.Model):
    """That a member took part in a survey, and how; never what they answered.

    It exists so a member answers once and finds the survey in their export.
    Nothing links it to the member's :class:`SurveyResponse`: the answers are
    stored without the person, as the survey promises.
    """

    class Channel(models.TextChoices):
        ONLINE = "online", _("Online")
        PHONE = "phone", _("Phone")

    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="participations",
        verbose_name=_("survey"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="survey_participations",
        verbose_name=_("member"),
    )
    channel = models.CharField(
        _("channel"), max_length=6, choices=Channel.choices, default=Channel.ONLINE
    )
    answered_at = models.DateTimeField(_("answered at"), default=timezone.now)

    class Meta:
        db_table = "dialog_surveyparticipation"
        verbose_name = _("survey participation")
        verbose_name_plural = _("survey participations")
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "member"], name="one_participation_per_member"
            )
        ]

    def __str__(self):
        return f"{self.survey} #{self.pk}"


class SurveyResponse(models.Model):
    """One anonymous set of answers to a survey.

    No person, caller, channel or time, and a random key: neither a column nor
    the order of rows leads back to who answered (see SurveyParticipation).
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="responses",
        verbose_name=_("survey"),
    )

    class Meta:
        db_table = "dialog_surveyresponse"
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self):
        return str(self.survey)


class SurveyAnswer(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(
        SurveyResponse,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("response"),
    )
    question = models.ForeignKey(
        SurveyQuestion,
        on_delete=models.CASCADE,
        related_name="answers",
        verbose_name=_("question"),
    )
    choices = models.JSONField(_("chosen options"), default=list, blank=True)
    scale = models.PositiveSmallIntegerField(_("scale value"), null=True, blank=True)
    text = models.TextField(_("text"), blank=True)

    class Meta:
        db_table = "dialog_surveyanswer"
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(
                fields=["response", "question"], name="one_answer_per_question_asked"
            )
        ]

    def as_text(self):
        if self.question.kind == SurveyQuestion.Kind.SCALE:
            return "" if self.scale is None else str(self.scale)
        if self.question.kind == SurveyQuestion.Kind.TEXT:
            return self.text
        return " | ".join(self.choices)


class SurveyPhoneConsent(models.Model):
    """A member agreed to be called for member surveys, at this number.

    The number is kept for this purpose only; withdrawing deletes it.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="survey_phone_consent",
        verbose_name=_("member"),
    )
    phone = models.CharField(
        _("phone number"),
        max_length=30,
        help_text=_("Only callers of member surveys see it."),
    )
    consented_at = models.DateTimeField(_("consented at"), default=timezone.now)

    class Meta:
        db_table = "dialog_surveyphoneconsent"
        verbose_name = _("consent to survey calls")
        verbose_name_plural = _("consents to survey calls")

    def __str__(self):
        return str(self.user)


class CallList(models.Model):
    """Members of one district to call for one survey, assigned to one caller."""

    survey = models.ForeignKey(
        Survey,
        on_delete=models.CASCADE,
        related_name="call_lists",
        verbose_name=_("survey"),
    )
    district = models.ForeignKey(
        "home.DistrictPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("district"),
    )
    caller = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="survey_call_lists",
        verbose_name=_("caller"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        db_table = "dialog_calllist"
        verbose_name = _("call list")
        verbose_name_plural = _("call lists")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.survey} – {self.district}"


class CallListEntry(models.Model):
    class Outcome(models.TextChoices):
        OPEN = "open", _("Not called yet")
        REACHED = "reached", _("Reached")
        NOT_REACHED = "not_reached", _("Not reached")
        CALL_BACK = "call_back", _("Call back")
        DECLINED = "declined", _("Declined")

    call_list = models.ForeignKey(
        CallList,
        on_delete=models.CASCADE,
        related_name="entries",
        verbose_name=_("call list"),
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="survey_call_entries",
        verbose_name=_("member"),
    )
    outcome = models.CharField(
        _("outcome"), max_length=11, choices=Outcome.choices, default=Outcome.OPEN
    )
    called_at = models.DateTimeField(_("called at"), null=True, blank=True)
    answers_consented_at = models.DateTimeField(
        _("consent to record answers given at"), null=True, blank=True
    )

    class Meta:
        db_table = "dialog_calllistentry"
        verbose_name = _("call list entry")
        verbose_name_plural = _("call list entries")
        constraints = [
            models.UniqueConstraint(
                fields=["call_list", "member"], name="one_entry_per_member_and_list"
            )
        ]

    def __str__(self):
        return f"{self.call_list} #{self.pk}"
