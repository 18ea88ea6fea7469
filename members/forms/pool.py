from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import ModelMultipleChoiceField, PersonalTextField
from home.models import DistrictPage

from ..pool_choices import (
    AVAILABILITY_CHOICES,
    LANGUAGE_CHOICES,
    POOL_CONSENT_TEXT,
    SUGGESTED_SKILLS,
    skill_label,
)


def _districts():
    return DistrictPage.objects.live().order_by("title")


class PoolEntryForm(forms.Form):
    skills = forms.MultipleChoiceField(
        label=_("Skills"),
        choices=SUGGESTED_SKILLS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    other_skills = PersonalTextField(
        label=_("Other skills"),
        max_length=300,
        required=False,
        help_text=_("Separated by commas, for example: cooking, sign language."),
    )
    districts = ModelMultipleChoiceField(
        label=_("Districts I would like to help in"),
        queryset=DistrictPage.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one district.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability = forms.MultipleChoiceField(
        label=_("When I have time"),
        choices=AVAILABILITY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    availability_note = PersonalTextField(
        label=_("Note on availability"),
        max_length=200,
        required=False,
        help_text=_("For example: not in school holidays."),
    )
    consent = forms.BooleanField(
        label=_("I agree to be contacted through the portal"),
        required=False,
        help_text=POOL_CONSENT_TEXT,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["districts"].queryset = _districts()

    @classmethod
    def initial_for(cls, entry):
        if entry is None:
            return {}
        suggested = {name for name, _label in SUGGESTED_SKILLS}
        names = [tag.name for tag in entry.skills.all()]
        return {
            "skills": [name for name in names if name in suggested],
            "other_skills": ", ".join(
                sorted(name for name in names if name not in suggested)
            ),
            "districts": [district.pk for district in entry.districts.all()],
            "languages": list(entry.languages),
            "availability": list(entry.availability),
            "availability_note": entry.availability_note,
            "consent": entry.has_consent,
        }


class PoolPauseForm(forms.Form):
    until = forms.DateField(
        label=_("Paused until (inclusive)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("Leave empty to pause until you resume."),
    )


class PoolAnswerForm(forms.Form):
    text = PersonalTextField(
        label=_("Your answer"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Please write your answer.")},
    )


class PoolSearchForm(forms.Form):
    """The coordinators' search: every field narrows, none is required."""

    skills = forms.MultipleChoiceField(
        label=_("Skills (any of)"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=DistrictPage.objects.none(),
        required=False,
        empty_label=_("All my districts"),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        choices=[("", _("Any language")), *LANGUAGE_CHOICES],
    )
    availability = forms.ChoiceField(
        label=_("Availability"),
        required=False,
        choices=[("", _("Any time")), *AVAILABILITY_CHOICES],
    )

    def __init__(self, *args, districts, skill_names, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
        self.fields["skills"].choices = [
            (name, skill_label(name)) for name in skill_names
        ]


class PoolMessageForm(forms.Form):
    subject = PersonalTextField(label=_("Subject"), max_length=150)
    body = PersonalTextField(
        label=_("Text"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "The portal mails this text to the member with links to answer or "
            "decline. You will not see their address."
        ),
    )
