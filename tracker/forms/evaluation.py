from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import PersonalTextField

from ..models.evaluation import BriefingFeedback


class FeedbackForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Did this briefing help you explain the decision to others?"),
        choices=BriefingFeedback.Answer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose yes, partly or no.")},
    )
    remark = PersonalTextField(
        label=_("Remark (optional)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "maxlength": 500}),
        help_text=_("At most 500 characters. Please do not name other people."),
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that my answer is stored with my account. Staff see only "
            "totals and remarks without names; I can delete my answer at any time."
        ),
        error_messages={"required": _("Please agree to the storage of your answer.")},
    )
