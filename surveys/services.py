"""Business rules of member surveys: answering, phone consent, call lists, calls."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.people import is_verified_member

from .models import (
    CallList,
    CallListEntry,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyPhoneConsent,
    SurveyQuestion,
    SurveyResponse,
)
from .selectors import can_call_members, members_to_call

CALL_LIST_MAX = 200
ALREADY_TOOK_PART = gettext_lazy(
    "You have already taken part in this survey. Your answers are stored "
    "without any link to your account, so they cannot be changed."
)


def _clean_answers(survey, answers) -> dict:
    """``{question: value}`` checked against the questions; raises ValidationError."""
    errors = {}
    cleaned = {}
    for question in survey.questions.all():
        value = answers.get(question.pk)
        key = f"question_{question.pk}"
        if question.kind == SurveyQuestion.Kind.SINGLE:
            value = [value] if value else []
        elif question.kind == SurveyQuestion.Kind.MULTIPLE:
            value = list(value or [])
        if question.has_choices:
            if any(choice not in question.choice_list for choice in value):
                errors[key] = _("Choose one of the options given.")
                continue
        elif question.kind == SurveyQuestion.Kind.SCALE:
            if value in ("", None):
                value = None
            elif value not in range(1, 6):
                errors[key] = _("Choose a value from 1 to 5.")
                continue
        else:
            value = (value or "").strip()
        if question.required and not value:
            errors[key] = _("This question needs an answer.")
            continue
        cleaned[question] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


@transaction.atomic
def survey_response_submit(
    *,
    survey: Survey,
    respondent,
    answers: dict,
    channel: str = SurveyParticipation.Channel.ONLINE,
) -> SurveyParticipation:
    """Record that ``respondent`` took part and store their answers apart.

    ``answers`` maps question ids to values: an option, a list of options,
    1–5 or a text. The answers go into an anonymous :class:`SurveyResponse`
    that nothing links to the person, so a member answers once and cannot
    change the answers later (nobody can find them again).
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not survey.is_open:
        raise ValidationError(_("This survey is not open for answers."))
    if not is_verified_member(respondent):
        raise ValidationError(_("Only verified members take part in surveys."))
    cleaned = _clean_answers(survey, answers)
    participation, created = SurveyParticipation.objects.get_or_create(
        survey=survey, member=respondent, defaults={"channel": channel}
    )
    if not created:
        raise ValidationError(ALREADY_TOOK_PART)
    response = SurveyResponse.objects.create(survey=survey)
    SurveyAnswer.objects.bulk_create(
        [
            SurveyAnswer(
                response=response,
                question=question,
                choices=value if question.has_choices else [],
                scale=value if question.kind == SurveyQuestion.Kind.SCALE else None,
                text=value if question.kind == SurveyQuestion.Kind.TEXT else "",
            )
            for question, value in cleaned.items()
            if value not in (None, "", [])
        ]
    )
    return participation


@transaction.atomic
def phone_consent_give(*, user, phone: str) -> SurveyPhoneConsent:
    """``user`` agrees to be called for member surveys at ``phone`` (now)."""
    if not is_verified_member(user):
        raise ValidationError(_("Only verified members take part in surveys."))
    phone = " ".join(phone.split())
    if not phone:
        raise ValidationError(_("Enter a phone number."))
    consent, _created = SurveyPhoneConsent.objects.update_or_create(
        user=user, defaults={"phone": phone, "consented_at": timezone.now()}
    )
    return consent


@transaction.atomic
def phone_consent_withdraw(*, user) -> bool:
    """Withdraw the consent: the number is deleted and callers no longer see it."""
    deleted, _detail = SurveyPhoneConsent.objects.filter(user=user).delete()
    return bool(deleted)


@transaction.atomic
def call_list_create(
    *, survey: Survey, district, caller, created_by, limit: int = 50
) -> CallList:
    """A call list of up to ``limit`` members of ``district`` for ``caller``.

    The survey row is locked, so two lists made at once never share a member.
    """
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status == Survey.Status.CLOSED:
        raise ValidationError(_("The survey is closed."))
    if not can_call_members(caller):
        raise ValidationError(_("This person may not call members."))
    limit = max(1, min(limit, CALL_LIST_MAX))
    people = list(members_to_call(survey=survey, district=district)[:limit])
    if not people:
        raise ValidationError(
            _(
                "No members of this district can be called: nobody agreed to "
                "calls, or all of them answered or are on a list already."
            )
        )
    call_list = CallList.objects.create(
        survey=survey, district=district, caller=caller, created_by=created_by
    )
    CallListEntry.objects.bulk_create(
        [CallListEntry(call_list=call_list, member=person) for person in people]
    )
    return call_list


@transaction.atomic
def call_outcome_record(
    *,
    entry: CallListEntry,
    caller,
    outcome: str,
    answers_consented: bool = False,
    answers: dict | None = None,
) -> CallListEntry:
    """Record a call; with the member's consent on the phone, their answers too.

    Answers are stored only when the member was reached and agreed that the
    caller enters them; the time of that consent is kept with the entry. The
    entry and the answers meet only inside this transaction: the answers are
    stored anonymously, the entry keeps how the call went.
    """
    entry = (
        CallListEntry.objects.select_for_update()
        .select_related("call_list__survey", "member")
        .get(pk=entry.pk)
    )
    if entry.call_list.caller_id != caller.pk or not can_call_members(caller):
        raise PermissionDenied
    if outcome not in CallListEntry.Outcome.values:
        raise ValidationError(_("Choose how the call went."))
    if answers_consented and outcome != CallListEntry.Outcome.REACHED:
        raise ValidationError(
            _("Answers can only be recorded when the member was reached.")
        )
    now = timezone.now()
    if answers_consented:
        if SurveyParticipation.objects.filter(
            survey=entry.call_list.survey, member=entry.member
        ).exists():
            raise ValidationError(
                _("This member has already answered; record only how the call went.")
            )
        survey_response_submit(
            survey=entry.call_list.survey,
            respondent=entry.member,
            answers=answers or {},
            channel=SurveyParticipation.Channel.PHONE,
        )
        entry.answers_consented_at = now
    entry.outcome = outcome
    entry.called_at = now
    entry.save(update_fields=["outcome", "called_at", "answers_consented_at"])
    return entry
