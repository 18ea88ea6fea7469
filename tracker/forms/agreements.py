from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from home.models import Topic

from ..models.agreements import ItemStatus, StatusUpdate


class ItemFilterForm(forms.Form):
    """Filters of the overview; every field optional."""

    q = forms.CharField(label=_("Search"), max_length=100, required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        required=False,
        empty_label=_("All topics"),
        to_field_name="slug",
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *ItemStatus.choices],
        required=False,
    )

    def __init__(self, *args, agreement, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topic"].queryset = Topic.objects.filter(
            locale=Locale.get_default(),
            agreement_items__chapter__agreement=agreement,
        ).distinct()


class StatusUpdateForm(forms.ModelForm):
    """The admin form for a new entry in an item's history."""

    class Meta:
        model = StatusUpdate
        fields = ["item", "date", "status", "progress", "note", "source_url"]
