"""Places for events and course sessions, with their access and family features."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import TranslatableMixin


class Venue(TranslatableMixin, models.Model):
    """A place for events, with what parents and disabled people need to know."""

    name = models.CharField(
        _("name"), max_length=120, help_text=_("e.g. Nachbarschaftshaus Urbanstraße")
    )
    street = models.CharField(
        _("street and number"), max_length=120, help_text=_("e.g. Urbanstraße 21")
    )
    postcode = models.CharField(_("postcode"), max_length=10, help_text=_("5 digits."))
    city = models.CharField(
        _("city"), max_length=60, default="Berlin", help_text=_("Usually Berlin.")
    )
    district = models.ForeignKey(
        "home.DistrictPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("The Berlin district the venue lies in."),
    )
    step_free = models.BooleanField(
        _("step-free access"),
        default=False,
        help_text=_(
            "Entrance and meeting room reachable without steps (ramp or lift)."
        ),
    )
    accessible_toilet = models.BooleanField(
        _("accessible toilet"),
        default=False,
        help_text=_("A wheelchair-accessible toilet in the building."),
    )
    nursing_room = models.BooleanField(
        _("nursing room"), default=False, help_text=_("A quiet room for breastfeeding.")
    )
    changing_table = models.BooleanField(
        _("baby changing table"),
        default=False,
        help_text=_("A changing table that everyone can use, not only in one toilet."),
    )
    child_friendly = models.BooleanField(
        _("child-friendly"),
        default=False,
        help_text=_("Play corner or space where children are welcome."),
    )
    public_transport = models.CharField(
        _("public transport"),
        max_length=200,
        blank=True,
        help_text=_("Nearest stops, e.g. U5 Frankfurter Tor, Tram M10."),
    )
    accessibility_notes = models.TextField(
        _("accessibility notes"),
        blank=True,
        help_text=_("Anything else: hearing loop, seating, quiet room, door widths."),
    )

    panels = [
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("street"), FieldPanel("postcode"), FieldPanel("city")]
        ),
        FieldPanel("district"),
        FieldPanel("public_transport"),
        MultiFieldPanel(
            [
                FieldPanel("step_free"),
                FieldPanel("accessible_toilet"),
                FieldPanel("nursing_room"),
                FieldPanel("changing_table"),
                FieldPanel("child_friendly"),
                FieldPanel("accessibility_notes"),
            ],
            heading=_("Accessibility and families"),
        ),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def address(self):
        return f"{self.street}, {self.postcode} {self.city}"

    @property
    def family_features(self):
        """The features parents look for, as labels, in a fixed order."""
        fields = ["nursing_room", "changing_table", "child_friendly"]
        return [
            self._meta.get_field(f).verbose_name for f in fields if getattr(self, f)
        ]

    @property
    def access_features(self):
        fields = ["step_free", "accessible_toilet"]
        return [
            self._meta.get_field(f).verbose_name for f in fields if getattr(self, f)
        ]
