"""Forms for answering surveys, the phone consent, calls and call lists."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import PersonalTextField
from home.models import DistrictPage

from .models import CallListEntry, SurveyQuestion
from .selectors import person_name
from .services import CALL_LIST_MAX


class SurveyAnswerForm(forms.Form):
    """One field per question, named ``question_<id>``."""

    def __init__(self, *args, survey, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(survey.questions.order_by("sort_order", "pk"))
        for question in self.questions:
            self.fields[f"question_{question.pk}"] = self._field(question)

    @staticmethod
    def _field(question):
        common = {"label": question.text, "required": question.required}
        options = [(option, option) for option in question.choice_list]
        if question.kind == SurveyQuestion.Kind.SINGLE:
            return forms.ChoiceField(
                choices=options, widget=forms.RadioSelect, **common
            )
        if question.kind == SurveyQuestion.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                choices=options, widget=forms.CheckboxSelectMultiple, **common
            )
        if question.kind == SurveyQuestion.Kind.SCALE:
            return forms.TypedChoiceField(
                choices=[(value, str(value)) for value in range(1, 6)],
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                help_text=_("1 = not at all, 5 = very much"),
                **common,
            )
        return PersonalTextField(
            widget=forms.Textarea(attrs={"rows": 4}), max_length=2000, **common
        )

    def answers(self) -> dict:
        """``{question_id: value}`` for :func:`survey_response_submit`."""
        return {
            question.pk: self.cleaned_data.get(f"question_{question.pk}")
            for question in self.questions
        }

    def question_fields(self):
        """``(question, bound field)`` pairs; choice questions render as fieldsets."""
        return [(q, self[f"question_{q.pk}"]) for q in self.questions]


class PhoneConsentForm(forms.Form):
    phone = PersonalTextField(
        label=_("Phone number"),
        max_length=30,
        help_text=_("Only the volunteers who call for member surveys see it."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree to be called for member surveys at this number. I can "
            "withdraw this at any time; the number is then deleted."
        ),
        required=True,
    )

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = [c for c in phone if c.isdigit()]
        if len(digits) < 6 or any(c not in "0123456789+-/() " for c in phone):
            raise forms.ValidationError(_("Enter a phone number, e.g. 030 1234567."))
        return phone


class CallOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("How did the call go?"),
        choices=[
            choice
            for choice in CallListEntry.Outcome.choices
            if choice[0] != CallListEntry.Outcome.OPEN
        ],
        widget=forms.RadioSelect,
    )
    answers_consented = forms.BooleanField(
        label=_(
            "The member agreed on the phone that I enter their answers in the portal."
        ),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("answers_consented")
            and cleaned.get("outcome") != CallListEntry.Outcome.REACHED
        ):
            self.add_error(
                "answers_consented",
                _("Answers can only be recorded when the member was reached."),
            )
        return cleaned


class CallListForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"), queryset=DistrictPage.objects.order_by("title")
    )
    caller = forms.ModelChoiceField(label=_("Caller"), queryset=None)
    limit = forms.IntegerField(
        label=_("Number of members at most"),
        min_value=1,
        max_value=CALL_LIST_MAX,
        initial=50,
    )

    def __init__(self, *args, callers, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["caller"].queryset = callers
        self.fields["district"].queryset = districts.order_by("title")
        self.fields["caller"].label_from_instance = _caller_label


def _caller_label(user):
    return person_name(user)
