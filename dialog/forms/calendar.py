from django import forms
from django.utils.translation import gettext_lazy as _

from core.selectors import in_language, public
from home.models import DistrictPage, Topic

from ..models.events import EventPage
from ..models.schedules import EventFormat


class CalendarFilterForm(forms.Form):
    kind = forms.MultipleChoiceField(
        label=_("Kind of event"),
        choices=EventPage.Kind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=DistrictPage.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All districts"),
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    event_format = forms.ChoiceField(
        label=_("Format"),
        choices=[("", _("Any format"))] + list(EventFormat.choices),
        required=False,
    )
    young = forms.BooleanField(label=_("For members under 35"), required=False)
    step_free = forms.BooleanField(label=_("Step-free venue"), required=False)
    childcare = forms.BooleanField(label=_("Childcare offered"), required=False)
    child_friendly = forms.BooleanField(label=_("Child-friendly venue"), required=False)
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, locale=None, **kwargs):
        super().__init__(*args, **kwargs)
        districts = public(DistrictPage.objects.live()).order_by("title")
        topics = Topic.objects.all()
        if locale is not None:
            districts = in_language(districts, locale)
            topics = in_language(topics, locale)
        self.fields["district"].queryset = districts
        self.fields["topic"].queryset = topics

    def active_count(self) -> int:
        """How many filter values the visitor chose: each ticked kind counts.

        Read from the submitted data, not the cleaned data, so the number on the
        collapsed filter button matches what the form shows (and what the
        script counts as the visitor changes it)."""
        if not self.is_bound:
            return 0
        count = 0
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, self.files, name)
            if isinstance(value, list | tuple):
                count += len([item for item in value if item])
            elif value:
                count += 1
        return count

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error(
                "date_to", _("The end date must not be before the start date.")
            )
        return cleaned
