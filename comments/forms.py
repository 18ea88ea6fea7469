from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from core.fields import PersonalTextField
from home.models import DistrictPage

from .models import COMMENT_MAX_LENGTH, Comment, CommentReport


class DescribedErrorsMixin:
    """Tie each field's errors to its input with aria-describedby."""

    def full_clean(self):
        super().full_clean()
        self._describe_errors()

    def add_error(self, field, error):
        super().add_error(field, error)
        self._describe_errors()

    def _describe_errors(self):
        for name, field in self.fields.items():
            if name not in self.errors:
                continue
            bound = self[name]
            described = [f"{bound.auto_id}_errors"]
            if field.help_text:
                described.append(f"{bound.auto_id}_helptext")
            field.widget.attrs["aria-describedby"] = " ".join(described)


class CommentForm(DescribedErrorsMixin, forms.Form):
    body = PersonalTextField(
        label=_("Your comment"),
        max_length=COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=format_lazy(
            _("Plain text, at most {limit} characters. Web addresses become links."),
            limit=COMMENT_MAX_LENGTH,
        ),
        error_messages={
            "required": _("Please write a comment."),
            "max_length": _(
                "Comments can be at most %(limit_value)d characters long; "
                "yours has %(show_value)d."
            ),
        },
    )
    notify_on_reply = forms.BooleanField(
        label=_("Send me an email when someone replies"),
        required=False,
        initial=False,
    )


class CommentEditForm(DescribedErrorsMixin, forms.Form):
    body = CommentForm.base_fields["body"]


class CommentReportForm(DescribedErrorsMixin, forms.Form):
    reason = forms.ChoiceField(
        label=_("Why should the moderators look at this comment?"),
        choices=CommentReport.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose a reason.")},
    )
    text = PersonalTextField(
        label=_("Details (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "max_length": _("Please use at most %(limit_value)d characters.")
        },
    )


class ModerationReasonForm(DescribedErrorsMixin, forms.Form):
    reason = PersonalTextField(
        label=_("Reason (shown to readers or the author)"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": _("Please give a reason.")},
    )


class CommentQueueFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + list(Comment.Status.choices),
    )
    reported = forms.BooleanField(label=_("Only reported"), required=False)
    page_type = forms.ModelChoiceField(
        label=_("Page type"),
        required=False,
        queryset=ContentType.objects.none(),
        empty_label=_("All"),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        required=False,
        queryset=DistrictPage.objects.none(),
        empty_label=_("All"),
    )

    def __init__(self, *args, districts, page_types, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = districts
        self.fields["page_type"].queryset = page_types
        self.fields["page_type"].label_from_instance = lambda ct: (
            ct.model_class()._meta.verbose_name
        )
