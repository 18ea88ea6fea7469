from django import forms
from django.conf import settings
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from core.fields import PersonalTextField
from home.models import DistrictPage

from ..consents import current_wordings
from ..services.accounts import profile_update

# No allauth import here: allauth imports this module for ACCOUNT_SIGNUP_FORM_CLASS.

DISPLAY_NAME_HELP = _("Shown next to your comments. A pseudonym is fine.")


def _districts():
    return DistrictPage.objects.live().order_by("title")


def _no_email(value):
    if "@" in value:
        raise forms.ValidationError(
            _("Please do not use an email address as your name.")
        )


class SignupForm(forms.Form):
    """Fields added to allauth's sign-up (email and password come from allauth)."""

    display_name = PersonalTextField(
        label=_("Display name"),
        max_length=60,
        required=False,
        help_text=DISPLAY_NAME_HELP,
        validators=[_no_email],
    )

    def signup(self, request, user):
        profile_update(user=user, display_name=self.cleaned_data["display_name"])


class ProfileForm(forms.Form):
    display_name = PersonalTextField(
        label=_("Display name"),
        max_length=60,
        required=False,
        help_text=DISPLAY_NAME_HELP,
        validators=[_no_email],
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=DistrictPage.objects.none(),
        required=False,
        empty_label=_("No district chosen"),
        help_text=_("The district association you belong to or live in."),
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages I speak"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    preferred_language = forms.ChoiceField(
        label=_("Language for emails"),
        choices=settings.LANGUAGES,
        initial="de",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = _districts()
        for wording in current_wordings():
            self.fields[self.consent_field_name(wording.kind)] = forms.BooleanField(
                label=wording.label,
                help_text=wording.text,
                required=False,
                initial=False,
            )

    @staticmethod
    def consent_field_name(kind):
        return f"consent_{kind}"

    def consent_fields(self):
        return [
            self[self.consent_field_name(wording.kind)]
            for wording in current_wordings()
        ]

    def profile_fields(self):
        return [
            self[name] for name in ("display_name", "district", "preferred_language")
        ]

    def given_consents(self):
        return {
            wording.kind
            for wording in current_wordings()
            if self.cleaned_data.get(self.consent_field_name(wording.kind))
        }


class VerificationRequestForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=DistrictPage.objects.none(),
        empty_label=_("Choose your district"),
        help_text=_("The district association you are a member of."),
        error_messages={"required": _("Please choose your district.")},
    )
    membership_number = PersonalTextField(
        label=_("Membership number"),
        max_length=20,
        help_text=_("As printed on your membership card, e.g. 123456."),
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9-]{3,20}$",
                _("Use 3 to 20 digits, letters or hyphens."),
            )
        ],
        error_messages={"required": _("Please enter your membership number.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = _districts()


class VerificationRejectForm(forms.Form):
    reason = PersonalTextField(
        label=_("Reason (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the person by email."),
    )


class VerificationRevokeForm(forms.Form):
    reason = PersonalTextField(
        label=_("Reason (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent to the person by email."),
    )
