"""The registration form: only the questions the page offers."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import PersonalTextField
from core.retention import retention_consent

from .models import MAX_CHILD_AGE, MAX_CHILDREN, RegistrationMode
from .services import Guest, RegistrationAnswers


def consent_label(page) -> str:
    """The consent as it is, with the period from ``core.retention``."""
    if page.registration_starts() is None:
        return retention_consent(
            _(
                "I agree that my membership is stored while I take part and that "
                "my details are removed %(days)s days after I leave."
            ),
            "registrations_ended",
        )
    return retention_consent(
        _(
            "I agree that my registration is stored for this event and that my "
            "details are removed %(days)s days after it ended."
        ),
        "event_registrations",
    )


class AccessibleErrorsMixin:
    """Tie each field's error list to its input (``aria-describedby``)."""

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                bound = self[name]
                attrs = self.fields[name].widget.attrs
                described = f"{bound.auto_id}_errors"
                if bound.help_text:
                    described += f" {bound.auto_id}_helptext"
                attrs["aria-describedby"] = described
                attrs["aria-invalid"] = "true"


class RegistrationForm(AccessibleErrorsMixin, forms.Form):
    name = PersonalTextField(label=_("Your name"), max_length=120)
    email = forms.EmailField(
        label=_("Your email address"),
        help_text=_("We send the confirmation link there."),
    )
    organisation = PersonalTextField(
        label=_("Organisation or initiative"),
        max_length=160,
        required=False,
        help_text=_("Optional, e.g. the tenants' initiative you come from."),
    )
    children = forms.TypedChoiceField(
        label=_("Children who need care"),
        choices=[(n, str(n)) for n in range(MAX_CHILDREN + 1)],
        coerce=int,
        initial=0,
        required=False,
        empty_value=0,
        help_text=_("Then the age of each child, in years (0 for under one)."),
    )
    needs_step_free = forms.BooleanField(
        label=_("I need step-free access."), required=False
    )
    accessibility_other = PersonalTextField(
        label=_("Other needs (e.g. sign language, large print)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    online = forms.BooleanField(
        label=_("I will take part online instead."), required=False
    )
    consent = forms.BooleanField(
        error_messages={"required": _("Please agree, or we cannot register you.")},
    )

    def __init__(self, *args, page, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.page = page
        self.fields["consent"].label = consent_label(page)
        is_guest = not (user and user.is_authenticated)
        if not (is_guest and page.registration_mode == RegistrationMode.OPEN):
            for name in ("name", "email", "organisation"):
                del self.fields[name]
        if page.childcare_offered:
            for number in range(1, MAX_CHILDREN + 1):
                self.fields[f"child_age_{number}"] = forms.IntegerField(
                    label=_("Age of child %(number)s") % {"number": number},
                    min_value=0,
                    max_value=MAX_CHILD_AGE,
                    required=False,
                    widget=forms.NumberInput(
                        attrs={"data-child-age": number, "inputmode": "numeric"}
                    ),
                )
        else:
            del self.fields["children"]
        if not page.accessibility_questions:
            del self.fields["needs_step_free"]
            del self.fields["accessibility_other"]
        if not (
            page.online_participation_offered and page.offers_hybrid_participation()
        ):
            del self.fields["online"]

    @property
    def child_age_fields(self):
        return [self[name] for name in self.fields if name.startswith("child_age_")]

    @property
    def asks_guest_details(self):
        return "email" in self.fields

    def clean(self):
        cleaned = super().clean()
        if "children" in self.fields and "children" in cleaned:
            count = cleaned["children"] or 0
            for number in range(1, MAX_CHILDREN + 1):
                name = f"child_age_{number}"
                age = cleaned.get(name)
                if number <= count and age is None and name not in self.errors:
                    self.add_error(name, _("Please give the age of this child."))
                elif number > count and age is not None:
                    cleaned[name] = None
        return cleaned

    def answers(self) -> RegistrationAnswers:
        data = self.cleaned_data
        count = data.get("children") or 0
        return RegistrationAnswers(
            children_ages=[data[f"child_age_{n}"] for n in range(1, count + 1)],
            needs_step_free=data.get("needs_step_free", False),
            accessibility_other=data.get("accessibility_other", ""),
            online=data.get("online", False),
        )

    def guest(self) -> Guest | None:
        if not self.asks_guest_details:
            return None
        data = self.cleaned_data
        return Guest(
            name=data["name"], email=data["email"], organisation=data["organisation"]
        )
