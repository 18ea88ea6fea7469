from datetime import datetime, time, timedelta

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index

from comments.mixins import CommentableMixin, comments_panel
from core.caching import PortalPage
from core.pages import paginate
from core.selectors import visible_to
from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from home.models import (
    DistrictMixin,
    ListingMixin,
    TopicsMixin,
    sections_cache_key,
    topics_panel,
)
from home.serializers import DistrictSerializer, TopicSerializer
from registrations.models import RegistrationMixin, RegistrationMode

from ..serializers import VenueSerializer


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


class EventFormat(models.TextChoices):
    ONSITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


def schedule_errors(item, *, end, venue, online_link):
    """Field errors of anything with start, end, format, venue and video link.

    Events and course sessions share the rules; each names itself in the messages.
    """
    errors = {}
    if item.start and item.end and item.end <= item.start:
        errors["end"] = end
    if (
        item.event_format in (EventFormat.ONSITE, EventFormat.HYBRID)
        and not item.venue_id
    ):
        errors["venue"] = venue
    if (
        item.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)
        and not item.online_link
    ):
        errors["online_link"] = online_link
    return errors


class EventIndexPage(RoutablePageMixin, PortalPage):
    """The city-wide calendar: every live event of the site, filterable."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the calendar."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["dialog.EventPage"]

    class Meta:
        verbose_name = _("calendar")

    @path("")
    def calendar(self, request):
        from core.caching import cacheable_query

        from ..forms import CalendarFilterForm
        from ..selectors import event_list

        form = CalendarFilterForm(request.GET or None, locale=self.locale)
        invalid = form.is_bound and not form.is_valid()
        # Made-up or invalid query strings are not kept (0 = not stored).
        calendar_seconds = 60 if cacheable_query(request) and not invalid else 0
        filters = form.cleaned_data if form.is_bound and not invalid else {}
        events = event_list(filters=filters, user=request.user, locale=self.locale)
        response = self.render(
            request,
            context_overrides={
                "filter_form": form,
                # Read only when the cached calendar has expired.
                "events": SimpleLazyObject(lambda: paginate(request, events)),
                "query_without_page": _query_without_page(request),
                "calendar_key": f"{sections_cache_key(request)}:{timezone.localdate()}",
                "calendar_seconds": calendar_seconds,
            },
        )
        if invalid:
            response.status_code = 400
        return response


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


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
        from ..selectors.online_links import online_link_for

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
        from ..selectors.online_links import online_link_for
        from ..services import event_to_ical

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


def same_weekday_next_month(moment):
    """The same n-th weekday one month later (2nd Tuesday → 2nd Tuesday).

    A fifth weekday that the next month lacks becomes that month's last one.
    """
    local = timezone.localtime(moment)
    nth = (local.day - 1) // 7
    year, month = (
        (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    )
    first = local.replace(year=year, month=month, day=1)
    offset = (local.weekday() - first.weekday()) % 7
    day = 1 + offset + 7 * nth
    candidate = datetime(year, month, 1) + timedelta(days=day - 1)
    if candidate.month != month:
        candidate -= timedelta(days=7)
    naive = datetime.combine(candidate.date(), time(local.hour, local.minute))
    return timezone.make_aware(naive, timezone.get_current_timezone())


class WorkingGroupPage(
    RegistrationMixin,
    ListingMixin,
    TopicsMixin,
    DistrictMixin,
    PortalPage,
):
    """A working group (AG), e.g. AG Mitgliederarbeit."""

    purpose = RichTextField(
        _("purpose"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What the group works on."),
    )
    rhythm = models.CharField(
        _("meeting rhythm"),
        max_length=200,
        help_text=_("e.g. every second Tuesday, 19:00, Karl-Liebknecht-Haus"),
    )
    open_to_all = models.BooleanField(
        _("open to all"),
        default=True,
        help_text=_(
            "Non-members are welcome to join. Cannot be combined with "
            "registration for members only."
        ),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("More about the group."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("purpose"),
        FieldPanel("rhythm"),
        FieldPanel("open_to_all"),
        RegistrationMixin.registration_panel(dated=False, hybrid=False),
        InlinePanel(
            "coordinators",
            heading=_("Coordinators"),
            label=_("Coordinator"),
            help_text=_("They see the member list; nobody else among the members."),
        ),
        FieldPanel("body"),
        MultiFieldPanel([topics_panel(), FieldPanel("district")], heading=_("Filing")),
    ]
    promote_panels = ListingMixin.promote_panels

    search_fields = Page.search_fields + [
        index.SearchField("purpose"),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("purpose"),
        APIField("rhythm"),
        APIField("open_to_all"),
        APIField("body"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("district", serializer=DistrictSerializer()),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.DistrictPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")
        constraints = [
            # The page must not promise "open to all" while refusing guests.
            models.CheckConstraint(
                condition=Q(open_to_all=False) | ~Q(registration_mode="members"),
                name="dialog_working_group_open_or_members_only",
            )
        ]

    def clean(self):
        super().clean()
        errors = self.registration_errors()
        if self.open_to_all and self.registration_mode == RegistrationMode.MEMBERS:
            errors["open_to_all"] = _(
                "A group open to all cannot be for members only. Untick "
                "“open to all” or set registration to “Open to guests”."
            )
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_meetings"] = (
            visible_to(self.meetings.live(), request.user)
            .filter(end__gte=timezone.now())
            .select_related("venue")
            .order_by("start")[:5]
        )
        from ..selectors.working_groups import (
            working_group_member_count,
            working_group_members_visible_to,
        )

        context["member_count"] = working_group_member_count(page=self)
        context["sees_member_list"] = working_group_members_visible_to(
            user=request.user, page=self
        )
        return context


class ForumPage(
    CommentableMixin,
    ListingMixin,
    TopicsMixin,
    DistrictMixin,
    PortalPage,
):
    """An asynchronous discussion for members who cannot come to meetings."""

    opening_statement = RichTextField(
        _("opening statement"),
        features=RICH_TEXT_FEATURES,
        help_text=_("The question or position the discussion starts from."),
    )
    discussion_closes = models.DateField(
        _("discussion closes"),
        null=True,
        blank=True,
        help_text=_("Leave empty to keep the discussion open."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("opening_statement"),
        FieldPanel("discussion_closes"),
        MultiFieldPanel([topics_panel(), FieldPanel("district")], heading=_("Filing")),
    ]
    promote_panels = ListingMixin.promote_panels
    settings_panels = Page.settings_panels + [comments_panel()]

    search_fields = Page.search_fields + [
        index.SearchField("opening_statement"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("opening_statement"),
        APIField("discussion_closes"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("district", serializer=DistrictSerializer()),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage", "home.DistrictPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("forum page")
        verbose_name_plural = _("forum pages")

    @property
    def is_open(self):
        return (
            self.discussion_closes is None
            or self.discussion_closes >= timezone.localdate()
        )
