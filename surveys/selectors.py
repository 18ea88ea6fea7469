"""Reads for member surveys: who may do what, call lists, aggregated results."""

import random
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Count, Exists, OuterRef, Q
from django.utils.translation import gettext as _

from core.people import MEMBERS_GROUP_NAME
from home.selectors import districts_coordinated_by

from .models import (
    CALL_MEMBERS_PERMISSION,
    MANAGE_SURVEYS_PERMISSION,
    CallList,
    CallListEntry,
    Survey,
    SurveyAnswer,
    SurveyParticipation,
    SurveyPhoneConsent,
    SurveyQuestion,
    SurveyResponse,
)


def can_manage_surveys(user) -> bool:
    return bool(user and user.is_active and user.has_perm(MANAGE_SURVEYS_PERMISSION))


def can_call_members(user) -> bool:
    return bool(user and user.is_active and user.has_perm(CALL_MEMBERS_PERMISSION))


def members():
    return get_user_model().objects.filter(
        is_active=True, groups__name=MEMBERS_GROUP_NAME
    )


def person_name(user) -> str:
    """The name a member chose for the portal; never the address or username."""
    profile = getattr(user, "profile", None)
    chosen = getattr(profile, "display_name", "") if profile else ""
    return chosen or user.get_full_name() or _("Anonymous member")


def surveys_open():
    return Survey.objects.filter(status=Survey.Status.OPEN).order_by("-created_at")


def participation_of(*, survey, user):
    """Whether and how ``user`` took part in ``survey``; never their answers."""
    return SurveyParticipation.objects.filter(survey=survey, member=user).first()


def phone_consent_of(user):
    return SurveyPhoneConsent.objects.filter(user=user).first()


def callers():
    """Active accounts that may call members (directly, by group or superuser)."""
    app_label, codename = CALL_MEMBERS_PERMISSION.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    query = Q(is_superuser=True)
    if permission is not None:
        query |= Q(user_permissions=permission) | Q(groups__permissions=permission)
    return (
        get_user_model()
        .objects.filter(query, is_active=True)
        .distinct()
        .select_related("profile")
        .order_by("first_name", "last_name", "pk")
    )


def members_to_call(*, survey, district):
    """Verified members of ``district`` who agreed to be called for surveys and
    have neither answered ``survey`` nor are on one of its call lists."""
    return (
        members()
        .filter(profile__district=district)
        .filter(Exists(SurveyPhoneConsent.objects.filter(user=OuterRef("pk"))))
        .exclude(
            Exists(
                SurveyParticipation.objects.filter(survey=survey, member=OuterRef("pk"))
            )
        )
        .exclude(
            Exists(
                CallListEntry.objects.filter(
                    call_list__survey=survey, member=OuterRef("pk")
                )
            )
        )
        .distinct()
        .order_by("pk")
    )


def call_lists_of_caller(user):
    return (
        CallList.objects.filter(caller=user, survey__status=Survey.Status.OPEN)
        .select_related("survey", "district")
        .annotate(
            entry_count=Count("entries"),
            open_count=Count("entries", filter=Q(entries__outcome="open")),
        )
        .order_by("survey__title", "district__title")
    )


def call_list_of_caller(*, user, pk):
    """The call list ``pk`` if ``user`` is its caller and the survey is open.

    Once a survey is closed, nobody needs the numbers on its lists any more.
    """
    return (
        CallList.objects.filter(pk=pk, caller=user, survey__status=Survey.Status.OPEN)
        .select_related("survey", "district")
        .first()
    )


@dataclass
class CallRow:
    """What a caller sees of a person: the chosen name and the given number."""

    entry: CallListEntry
    name: str
    phone: str


def call_rows(call_list):
    """The entries of ``call_list`` whose members still agree to be called."""
    entries = (
        CallListEntry.objects.filter(
            call_list=call_list, member__survey_phone_consent__isnull=False
        )
        .select_related("member__profile", "member__survey_phone_consent")
        .order_by("pk")
    )
    return [
        CallRow(
            entry=entry,
            name=person_name(entry.member),
            phone=entry.member.survey_phone_consent.phone,
        )
        for entry in entries
    ]


def call_lists_overview(survey, *, user):
    """Per call list of ``user``'s districts: district, caller and outcome
    counts; no names of members."""
    lists = (
        CallList.objects.filter(
            survey=survey, district__in=districts_coordinated_by(user)
        )
        .select_related("district", "caller__profile")
        .order_by("district__title", "pk")
    )
    counts = Counter(
        CallListEntry.objects.filter(call_list__survey=survey)
        .values_list("call_list_id", "outcome")
        .iterator()
    )
    return [
        {
            "call_list": call_list,
            "caller": person_name(call_list.caller) if call_list.caller else "",
            "outcomes": [
                (label, counts[(call_list.pk, value)])
                for value, label in CallListEntry.Outcome.choices
            ],
            "total": sum(
                counts[(call_list.pk, value)] for value in CallListEntry.Outcome.values
            ),
        }
        for call_list in lists
    ]


@dataclass
class QuestionResult:
    question: SurveyQuestion
    answered: int = 0
    counts: list[tuple[str, int]] = field(default_factory=list)
    average: float | None = None
    texts: list[str] = field(default_factory=list)


@dataclass
class SurveyResults:
    survey: Survey
    total: int
    by_channel: list[tuple[str, int]]
    questions: list[QuestionResult]


def survey_results(survey) -> SurveyResults:
    """Counts per option and scale value, averages, and free texts without names.

    Free texts are sorted alphabetically, so their order says nothing about
    who answered when.
    """
    total = SurveyResponse.objects.filter(survey=survey).count()
    channel_counts = dict(
        SurveyParticipation.objects.filter(survey=survey)
        .values_list("channel")
        .annotate(n=Count("pk"))
        .values_list("channel", "n")
    )
    by_channel = [
        (label, channel_counts.get(value, 0))
        for value, label in SurveyParticipation.Channel.choices
    ]
    # The channel is known from the participation, which goes with an erased
    # account; those answers still count.
    unknown = total - sum(channel_counts.values())
    if unknown > 0:
        by_channel.append((_("Account deleted since"), unknown))
    questions = list(survey.questions.order_by("sort_order", "pk"))
    answers = SurveyAnswer.objects.filter(response__survey=survey).values_list(
        "question_id", "choices", "scale", "text"
    )
    collected = {question.pk: [] for question in questions}
    for question_id, choices, scale, text in answers.iterator():
        if question_id in collected:
            collected[question_id].append((choices, scale, text))
    results = []
    for question in questions:
        result = QuestionResult(question=question)
        rows = collected[question.pk]
        if question.has_choices:
            counter = Counter(choice for choices, _s, _t in rows for choice in choices)
            result.counts = [
                (option, counter[option]) for option in question.choice_list
            ]
            result.answered = sum(1 for choices, _s, _t in rows if choices)
        elif question.kind == SurveyQuestion.Kind.SCALE:
            values = [scale for _c, scale, _t in rows if scale is not None]
            counter = Counter(values)
            result.counts = [(str(value), counter[value]) for value in range(1, 6)]
            result.answered = len(values)
            result.average = sum(values) / len(values) if values else None
        else:
            texts = [text.strip() for _c, _s, text in rows if text.strip()]
            result.texts = sorted(texts, key=str.casefold)
            result.answered = len(texts)
        results.append(result)
    return SurveyResults(
        survey=survey,
        total=total,
        by_channel=by_channel,
        questions=results,
    )


def anonymised_responses(survey):
    """``(header, rows)``: one row of answers per response, in random order.

    No respondent, channel, district or time: nothing links a row to a person.
    """
    questions = list(survey.questions.order_by("sort_order", "pk"))
    answers = {}
    for answer in SurveyAnswer.objects.filter(response__survey=survey).select_related(
        "question"
    ):
        answers.setdefault(answer.response_id, {})[answer.question_id] = (
            answer.as_text()
        )
    rows = [
        [by_question.get(question.pk, "") for question in questions]
        for by_question in answers.values()
    ]
    random.SystemRandom().shuffle(rows)
    return [question.text for question in questions], rows
