"""Forms for subscribing to and managing email notifications."""

import copy

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from core.fields import ModelMultipleChoiceField
from home.models import DistrictPage, Topic

from .models import Frequency
from .registry import kind_choices
from .services.subscriptions import subscription_key


def _topics():
    return Topic.objects.filter(locale=Locale.get_default()).order_by("name")


def _districts():
    return (
        DistrictPage.objects.live()
        .filter(locale=Locale.get_default())
        .order_by("title")
    )


class SubscribeForm(forms.Form):
    """Anyone subscribes: address, what to follow, how often, and consent."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages={"required": _("Please enter your email address.")},
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    kinds = forms.MultipleChoiceField(
        label=_("Kinds of content"),
        choices=kind_choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    topics = ModelMultipleChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    districts = ModelMultipleChoiceField(
        label=_("Districts"),
        queryset=DistrictPage.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.IMMEDIATE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose how often you want mail.")},
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the portal stores my email address and my choice to send "
            "me these notifications. I can unsubscribe at any time with the link in "
            "every mail."
        ),
        error_messages={
            "required": _("Please agree to the storage of your address to subscribe.")
        },
    )
    # Invisible to people (CSS and aria-hidden); bots fill in every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "tabindex": "-1", "class": "honeypot"}
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = _topics()
        self.fields["districts"].queryset = _districts()

    def clean(self):
        cleaned = super().clean()
        if not (
            cleaned.get("kinds") or cleaned.get("topics") or cleaned.get("districts")
        ):
            raise forms.ValidationError(
                _("Please choose at least one kind of content, topic or district."),
                code="nothing_chosen",
            )
        return cleaned

    @property
    def is_bot(self):
        return bool(self.cleaned_data.get("website"))

    def targets(self) -> dict[str, str]:
        frequency = self.cleaned_data["frequency"]
        keys = (
            [f"kind-{kind}" for kind in self.cleaned_data["kinds"]]
            + [f"topic-{topic.pk}" for topic in self.cleaned_data["topics"]]
            + [f"district-{d.pk}" for d in self.cleaned_data["districts"]]
        )
        return dict.fromkeys(keys, frequency)


class SubscriptionSettingsForm(forms.Form):
    """One frequency choice per target; "not subscribed" ends a subscription."""

    language = forms.ChoiceField(
        label=_("Language of the mails"), choices=settings.LANGUAGES
    )

    def __init__(self, *args, subscriber=None, with_consent=False, **kwargs):
        current = (
            {subscription_key(s): s.frequency for s in subscriber.subscriptions.all()}
            if subscriber is not None
            else {}
        )
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = (
            subscriber.language if subscriber else settings.LANGUAGE_CODE
        )
        choices = [("", _("Not subscribed")), *Frequency.choices]
        self.groups = []
        for legend, targets in (
            (
                _("Kinds of content"),
                [(f"kind-{k}", label) for k, label in kind_choices()],
            ),
            (_("Topics"), [(f"topic-{t.pk}", t.name) for t in _topics()]),
            (_("Districts"), [(f"district-{d.pk}", d.title) for d in _districts()]),
        ):
            names = []
            for key, label in targets:
                self.fields[key] = forms.ChoiceField(
                    label=label,
                    choices=choices,
                    required=False,
                    initial=current.get(key, ""),
                )
                names.append(key)
            self.groups.append((legend, names))
        if with_consent:
            self.fields["consent"] = copy.deepcopy(SubscribeForm.base_fields["consent"])

    def clean(self):
        cleaned = super().clean()
        if "consent" in self.fields and not any(self.frequencies().values()):
            raise forms.ValidationError(
                _("Please choose at least one kind of content, topic or district."),
                code="nothing_chosen",
            )
        return cleaned

    def grouped_fields(self):
        return [
            (legend, [self[name] for name in names]) for legend, names in self.groups
        ]

    def frequencies(self) -> dict[str, str]:
        return {
            name: self.cleaned_data.get(name, "")
            for _legend, names in self.groups
            for name in names
        }
