"""Forms of the onboarding tools: CSV rows, ticking steps off, the period."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.fields import PersonalTextField

from ..models import OnboardingStep
from ..selectors.onboarding import PERIODS

PHONE_RE = re.compile(r"^\+?[0-9 ()/\-]{5,40}$")


class OnboardingImportRowForm(forms.Form):
    """One row of the new-member import; field names are the CSV columns."""

    name = PersonalTextField(max_length=120)
    email = forms.EmailField(max_length=254)
    district = PersonalTextField(max_length=120)
    joined_on = forms.DateField(input_formats=["%Y-%m-%d", "%d.%m.%Y"])
    phone = PersonalTextField(max_length=40, required=False)

    def __init__(self, *args, districts, **kwargs):
        super().__init__(*args, **kwargs)
        self.districts = districts
        self.fields["joined_on"].error_messages["invalid"] = _(
            "Enter the date as YYYY-MM-DD or DD.MM.YYYY."
        )

    def clean_district(self):
        value = self.cleaned_data["district"].strip().casefold()
        for district in self.districts:
            if value in (district.title.casefold(), district.slug.casefold()):
                return district
        raise forms.ValidationError(
            _("Unknown district, or not one you look after: %(value)s"),
            params={"value": self.cleaned_data["district"]},
        )

    def clean_joined_on(self):
        joined_on = self.cleaned_data["joined_on"]
        if joined_on > timezone.localdate():
            raise forms.ValidationError(_("The date lies in the future."))
        return joined_on

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not PHONE_RE.match(phone):
            raise forms.ValidationError(_("Only digits, spaces and + ( ) / - please."))
        return phone


class OnboardingStepForm(forms.Form):
    step = forms.ChoiceField(label=_("Step"), choices=OnboardingStep.choices)
    note = PersonalTextField(
        label=_("Note"), max_length=500, required=False, widget=forms.Textarea
    )
    action = forms.ChoiceField(
        choices=[("done", _("Done")), ("undo", _("Undo"))], initial="done"
    )


class OnboardingPeriodForm(forms.Form):
    period = forms.ChoiceField(
        label=_("Joined within"),
        choices=[
            ("90", _("the last 90 days")),
            ("365", _("the last 12 months")),
            ("all", _("any time")),
        ],
        initial="365",
        required=False,
    )

    def since(self):
        """The first joining date counted; the last 12 months unless chosen."""
        period = "365"
        if self.is_bound and self.is_valid():
            period = self.cleaned_data.get("period") or period
        delta = PERIODS[period]
        return None if delta is None else timezone.localdate() - delta
