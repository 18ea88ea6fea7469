"""Members answer surveys; volunteer callers work through their call lists."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from core.audit import personal_data_accessed
from core.people import is_verified_member

from .forms import CallOutcomeForm, PhoneConsentForm, SurveyAnswerForm
from .models import CallListEntry, Survey, SurveyParticipation
from .selectors import (
    call_list_of_caller,
    call_lists_of_caller,
    call_rows,
    can_call_members,
    participation_of,
    person_name,
    phone_consent_of,
    surveys_open,
)
from .services import (
    call_outcome_record,
    phone_consent_give,
    phone_consent_withdraw,
    survey_response_submit,
)


def _require_member(request):
    if not is_verified_member(request.user):
        raise PermissionDenied


def _require_caller(request):
    if not can_call_members(request.user):
        raise PermissionDenied


def _add_errors(form, error: ValidationError):
    if hasattr(error, "error_dict"):
        for key, messages_ in error.message_dict.items():
            form.add_error(key if key in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


@login_required
def survey_list(request):
    _require_member(request)
    surveys = list(surveys_open())
    answered = set(
        SurveyParticipation.objects.filter(
            member=request.user, survey__in=surveys
        ).values_list("survey_id", flat=True)
    )
    return TemplateResponse(
        request,
        "surveys/survey_list.html",
        {
            "surveys": surveys,
            "answered": answered,
            "phone_consent": phone_consent_of(request.user),
            "is_caller": can_call_members(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_answer(request, survey_id):
    _require_member(request)
    survey = get_object_or_404(
        Survey.objects.exclude(status=Survey.Status.DRAFT), pk=survey_id
    )
    participation = participation_of(survey=survey, user=request.user)
    status = 200
    if request.method == "POST":
        form = SurveyAnswerForm(request.POST, survey=survey)
        if form.is_valid():
            try:
                survey_response_submit(
                    survey=survey, respondent=request.user, answers=form.answers()
                )
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request, gettext_lazy("Thank you! Your answers are saved.")
                )
                return redirect("surveys:survey_answer", survey_id=survey.pk)
        status = 400
    else:
        form = SurveyAnswerForm(survey=survey)
    return TemplateResponse(
        request,
        "surveys/survey_answer.html",
        {"survey": survey, "form": form, "participation": participation},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def phone_consent(request):
    _require_member(request)
    consent = phone_consent_of(request.user)
    status = 200
    form = PhoneConsentForm(
        initial={"phone": consent.phone} if consent else None,
    )
    if request.method == "POST":
        if request.POST.get("action") == "withdraw":
            phone_consent_withdraw(user=request.user)
            messages.success(
                request,
                gettext_lazy(
                    "You will not be called any more; your number is deleted."
                ),
            )
            return redirect("surveys:survey_phone_consent")
        form = PhoneConsentForm(request.POST)
        if form.is_valid():
            try:
                phone_consent_give(user=request.user, phone=form.cleaned_data["phone"])
            except ValidationError as error:
                _add_errors(form, error)
            else:
                messages.success(
                    request,
                    gettext_lazy("Thank you! You may be called for member surveys."),
                )
                return redirect("surveys:survey_phone_consent")
        status = 400
    return TemplateResponse(
        request,
        "surveys/phone_consent.html",
        {"form": form, "consent": consent},
        status=status,
    )


@login_required
def call_list_index(request):
    _require_caller(request)
    return TemplateResponse(
        request,
        "surveys/call_list_index.html",
        {"call_lists": call_lists_of_caller(request.user)},
    )


def _own_call_list(request, call_list_id):
    _require_caller(request)
    call_list = call_list_of_caller(user=request.user, pk=call_list_id)
    if call_list is None:
        # Another caller's list is as absent as a missing one.
        raise Http404
    return call_list


@login_required
def call_list_detail(request, call_list_id):
    call_list = _own_call_list(request, call_list_id)
    rows = call_rows(call_list)
    personal_data_accessed(
        user=request.user,
        instance=call_list.survey,
        what=f"call list {call_list.pk} ({call_list.district.title})",
        count=len(rows),
    )
    return TemplateResponse(
        request,
        "surveys/call_list_detail.html",
        {"call_list": call_list, "rows": rows},
    )


@login_required
@require_http_methods(["GET", "POST"])
def call_entry(request, call_list_id, entry_id):
    call_list = _own_call_list(request, call_list_id)
    entry = get_object_or_404(
        CallListEntry.objects.select_related(
            "member__profile", "member__survey_phone_consent"
        ),
        pk=entry_id,
        call_list=call_list,
        member__survey_phone_consent__isnull=False,
    )
    survey = call_list.survey
    if not survey.is_open:
        raise Http404
    status = 200
    # The caller never sees what a member answered, only that they did.
    already_answered = SurveyParticipation.objects.filter(
        survey=survey, member=entry.member
    ).exists()
    if request.method == "POST":
        outcome_form = CallOutcomeForm(request.POST)
        answer_form = SurveyAnswerForm(request.POST, survey=survey)
        if outcome_form.is_valid():
            consented = (
                outcome_form.cleaned_data["answers_consented"] and not already_answered
            )
            if not consented or answer_form.is_valid():
                try:
                    call_outcome_record(
                        entry=entry,
                        caller=request.user,
                        outcome=outcome_form.cleaned_data["outcome"],
                        answers_consented=consented,
                        answers=answer_form.answers() if consented else None,
                    )
                except ValidationError as error:
                    _add_errors(answer_form, error)
                else:
                    messages.success(request, gettext_lazy("The call is recorded."))
                    return redirect(
                        "surveys:survey_call_list", call_list_id=call_list.pk
                    )
        elif already_answered or not request.POST.get("answers_consented"):
            answer_form = SurveyAnswerForm(survey=survey)
        status = 400
    else:
        outcome_form = CallOutcomeForm(
            initial={"outcome": entry.outcome}
            if entry.outcome != CallListEntry.Outcome.OPEN
            else None
        )
        answer_form = SurveyAnswerForm(survey=survey)
    answer_form.use_required_attribute = False
    return TemplateResponse(
        request,
        "surveys/call_entry.html",
        {
            "call_list": call_list,
            "entry": entry,
            "name": person_name(entry.member),
            "phone": entry.member.survey_phone_consent.phone,
            "outcome_form": outcome_form,
            "form": answer_form,
            "already_answered": already_answered,
        },
        status=status,
    )
