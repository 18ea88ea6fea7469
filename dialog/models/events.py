"""Event pages: a date in the calendar, with venue, registration and results."""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from core.caching import PortalPage
from home.blocks import BaseStreamBlock
from home.models import DistrictMixin, ListingMixin, TopicsMixin, topics_panel
from home.serializers import DistrictSerializer, TopicSerializer
from registrations.models import RegistrationMixin, RegistrationMode

from ..selectors.online_links import online_link_for
from ..serializers import VenueSerializer
from ..services.events import event_to_ical
from .schedules import EventFormat, schedule_errors

# The kind subscribers follow for events (``Subscription.kind``), registered
# in ``wagtail_hooks.events``.
EVENT_KIND = "event"


class EventPage(
    RoutablePageMixin,
    RegistrationMixin,
    ListingMixin,
    TopicsMixin,
    DistrictMixin,
    PortalPage,
):
    class Kind(models.TextChoices):
        NEW_MEMBER_MEETING = "new_member_meeting", _("New-member meeting")
        BASE_CONFERENCE = "base_conference", _("Base conference")
        THEMATIC_COUNCIL = "thematic_council", _("Thematic council")
        WORKING_GROUP_MEETING = "working_group_meeting", _("Working-group meeting")
        STAMMTISCH = "stammtisch", _("Stammtisch")
        BIKE_TOUR = "bike_tour", _("Bike tour")
        PARTY = "party", _("Party")
        CONCERT = "concert", _("Concert")
        INFO_EVENING = "info_evening", _("Info evening")
        OTHER = "other", _("Other")

    Registration = RegistrationMode

    kind = models.CharField(
        _("kind"),
        max_length=30,
        choices=Kind.choices,
        help_text=_("What sort of event this is."),
    )
    start = models.DateTimeField(
        _("start"),
        db_index=True,  # lists and the calendar walk events in this order
        help_text=_("Berlin time."),
    )
    end = models.DateTimeField(_("end"), help_text=_("Berlin time; after the start."))
    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("One or two sentences for the calendar."),
    )
    event_format = models.CharField(
        _("format"),
        max_length=6,
        choices=EventFormat.choices,
        default=EventFormat.ONSITE,
        help_text=_("Online and hybrid events need a video link."),
    )
    venue = models.ForeignKey(
        "dialog.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
        verbose_name=_("venue"),
        help_text=_("Required for on-site and hybrid events."),
    )
    working_group = models.ForeignKey(
        "dialog.WorkingGroupPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("working group"),
        help_text=_("For working-group meetings: the group that meets."),
    )
    online_link = models.URLField(
        _("video or stream link"),
        blank=True,
        help_text=_(
            "Shown only to those who may take part: everyone for a public event "
            "without registration, else confirmed registrations and organisers."
        ),
    )
    for_young_members = models.BooleanField(
        _("for members under 35"),
        default=False,
        help_text=_("Shown in the 'under 35' filter of the calendar."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("description"),
        help_text=_("Programme."),
    )
    results = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("results"),
        help_text=_("Documented after the event: decisions, minutes, photos."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("kind"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        FieldPanel("working_group"),
        FieldPanel("teaser"),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue"),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
        RegistrationMixin.registration_panel(extra=[FieldPanel("for_young_members")]),
        FieldPanel("body"),
        FieldPanel("results"),
        MultiFieldPanel([topics_panel(), FieldPanel("district")], heading=_("Filing")),
    ]
    promote_panels = ListingMixin.promote_panels

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.SearchField("results"),
        index.FilterField("start"),
        index.FilterField("kind"),
        index.RelatedFields("venue", [index.SearchField("name")]),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("kind"),
        APIField("start"),
        APIField("end"),
        APIField("teaser"),
        APIField("event_format"),
        APIField("venue", serializer=VenueSerializer()),
        APIField("for_young_members"),
        APIField("childcare_offered"),
        APIField("registration_mode"),
        APIField("capacity"),
        APIField("body"),
        APIField("results"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("district", serializer=DistrictSerializer()),
    ]

    parent_page_types = ["dialog.EventIndexPage", "home.DistrictPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = schedule_errors(
            self,
            end=_("The event must end after it starts."),
            venue=_("On-site and hybrid events need a venue."),
            online_link=_("Online and hybrid events need a video link."),
        )
        errors.update(self.registration_errors())
        if errors:
            raise ValidationError(errors)

    def registration_starts(self):
        return self.start

    def offers_hybrid_participation(self):
        return self.event_format == EventFormat.HYBRID

    @property
    def is_past(self):
        return self.end < timezone.now()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Rendered fresh for people with an account; the visitors' shared
        # fragment only ever gets what anyone may see.
        context["video_link"] = online_link_for(item=self, user=request.user)
        return context

    @path("")
    def event(self, request):
        return self.render(request)

    @path("kalender/", name="ical")
    def ical(self, request):
        """The event as an iCalendar file for the visitor's own calendar."""
        video_link = online_link_for(item=self, user=request.user)
        response = HttpResponse(
            event_to_ical(
                event=self, url=self.get_full_url(request), video_link=video_link
            ),
            content_type="text/calendar; charset=utf-8",
        )
        response["Content-Disposition"] = f'attachment; filename="{self.slug}.ics"'
        return response

    def ical_url(self):
        return (self.url or "") + self.reverse_subpage("ical")
