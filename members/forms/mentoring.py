from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import PersonalTextField
from core.people import display_name
from home.models import DistrictPage

from ..models import MentoringApplication, MentoringPair
from ..pool_choices import (
    AVAILABILITY_CHOICES,
    LANGUAGE_CHOICES,
    MENTORING_CONSENT_TEXT,
    SELF_IDENTIFICATION_CHOICES,
)


class MentoringApplicationForm(forms.Form):
    role = forms.ChoiceField(
        label=_("I would like to"),
        choices=[
            (MentoringApplication.Role.MENTEE, _("find a mentor (mentee)")),
            (MentoringApplication.Role.MENTOR, _("mentor someone (mentor)")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose mentee or mentor.")},
    )
    goals = PersonalTextField(
        label=_("Goals and topics"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("What you would like to learn or pass on."),
        error_messages={"required": _("Please describe your goals or topics.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=DistrictPage.objects.none(),
        required=False,
        empty_label=_("No district chosen"),
    )
    availability = forms.MultipleChoiceField(
        label=_("When I have time"),
        choices=AVAILABILITY_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    self_identification = forms.MultipleChoiceField(
        label=_("Self-identification (optional)"),
        choices=SELF_IDENTIFICATION_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "The programme is meant especially for women and people with a "
            "migration background, and open to all. Only the mentoring "
            "coordinators see this."
        ),
    )
    self_identification_note = PersonalTextField(
        label=_("In your own words (optional)"),
        max_length=100,
        required=False,
    )
    consent = forms.BooleanField(
        label=_("I agree"),
        help_text=MENTORING_CONSENT_TEXT,
        error_messages={
            "required": _("Coordinators can only read your application with consent.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = DistrictPage.objects.live().order_by("title")


class MentoringMatchForm(forms.Form):
    mentee = forms.ModelChoiceField(
        label=_("Mentee"),
        queryset=MentoringApplication.objects.none(),
        error_messages={"invalid_choice": _("This application is no longer open.")},
    )
    mentor = forms.ModelChoiceField(
        label=_("Mentor"),
        queryset=MentoringApplication.objects.none(),
        error_messages={"invalid_choice": _("This application is no longer open.")},
    )

    def __init__(self, *args, mentees, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = mentees
        self.fields["mentor"].queryset = mentors
        self.fields["mentee"].label_from_instance = self.label
        self.fields["mentor"].label_from_instance = self.label

    @staticmethod
    def label(application):
        return f"{display_name(application.user)} (#{application.pk})"


class MentoringPairCloseForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (MentoringPair.Status.COMPLETED, _("Completed")),
            (MentoringPair.Status.ENDED, _("Ended")),
        ]
    )
