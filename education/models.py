from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from comments.mixins import CommentableMixin, comments_panel
from core.caching import PortalPage, lists_version
from core.pages import paginate
from core.selectors import visible_to
from dialog.models import EventFormat, schedule_errors
from dialog.selectors.online_links import online_links_for
from dialog.serializers import VenueSerializer
from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock, DocumentsBlock
from home.models import ListingMixin, TopicsMixin, topics_panel
from home.serializers import TopicSerializer
from registrations.models import RegistrationMixin

# How long a course's session list stays cached (also dropped on every publish).
SESSIONS_CACHE_SECONDS = 5 * 60


class CourseIndexPage(PortalPage):
    """The political-education programme."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("The education concept in a few sentences."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["education.CoursePage"]

    class Meta:
        verbose_name = _("course index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = (
            visible_to(CoursePage.objects.child_of(self).live(), request.user)
            .annotate(first_start=Min("sessions__start"))
            .prefetch_related("topics", "sessions__venue")
            .order_by(F("first_start").asc(nulls_last=True), "title")
        )
        context["courses"] = paginate(request, courses)
        return context


# The kind subscribers follow for courses (``Subscription.kind``), registered
# in ``wagtail_hooks``.
COURSE_KIND = "course"


class CoursePage(
    RegistrationMixin,
    CommentableMixin,
    ListingMixin,
    TopicsMixin,
    PortalPage,
):
    class Audience(models.TextChoices):
        ALL = "all", _("Everyone")
        NEW_MEMBERS = "new_members", _("New members")
        YOUNG = "young", _("Members under 35")
        OFFICE_HOLDERS = "office_holders", _("Office holders and candidates")
        TRAINERS = "trainers", _("Trainers and moderators")

    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("What the course offers, in two sentences."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=20,
        choices=Audience.choices,
        default=Audience.ALL,
        help_text=_(
            "Who the course is meant for; 'under 35' shows in the young filter."
        ),
    )
    learning_goals = RichTextField(
        _("learning goals"),
        features=["bold", "italic", "ul", "ol", "link"],
        help_text=_("What participants can do afterwards, as a list."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("description"),
        help_text=_("Programme."),
    )
    materials = StreamField(
        DocumentsBlock(),
        blank=True,
        verbose_name=_("materials"),
        help_text=_("Readers, slides and worksheets for participants."),
    )
    content_panels = Page.content_panels + [
        FieldPanel("teaser"),
        FieldPanel("audience"),
        FieldPanel("learning_goals"),
        FieldPanel("body"),
        RegistrationMixin.registration_panel(),
        InlinePanel("sessions", heading=_("Sessions"), label=_("Session"), min_num=1),
        FieldPanel("materials"),
        topics_panel(),
    ]
    promote_panels = ListingMixin.promote_panels
    settings_panels = Page.settings_panels + [comments_panel()]

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("learning_goals"),
        index.SearchField("body"),
        index.FilterField("audience"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("teaser"),
        APIField("audience"),
        APIField("learning_goals"),
        APIField("body"),
        APIField("capacity"),
        APIField("sessions"),
        APIField("materials"),
        APIField("topics", serializer=TopicSerializer(many=True)),
    ]

    parent_page_types = ["education.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def session_list(self):
        """The sessions with their venues; loaded once per render (get_context)."""
        loaded = self.__dict__.get("_portal_session_list")
        if loaded is not None:
            return loaded
        return list(self.sessions.all().select_related("venue"))

    def get_context(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False) or not self.live:
            # A preview shows the sessions of the form, not the stored ones.
            self._portal_session_list = list(
                self.sessions.all().select_related("venue")
            )
        else:
            self._portal_session_list = self._published_sessions()
        context = super().get_context(request, *args, **kwargs)
        # (session, video link or "") as this reader may see them; people with
        # an account get a fresh render, visitors share what anyone may see.
        context["session_rows"] = online_links_for(page=self, user=request.user)
        return context

    def _published_sessions(self):
        """The live page's sessions with their venues, kept in the cache.

        Sessions change only when the page is published (``lists_version``
        changes), venues only with a purge of everything (so does it): every
        view of a course needs them (dates, registration opening), and the query
        was a fifth of an uncached view.
        """
        return cache.get_or_set(
            f"portal:course-sessions:{self.pk}:{lists_version()}",
            lambda: list(self.sessions.all().select_related("venue")),
            SESSIONS_CACHE_SECONDS,
        )

    @property
    def is_past(self):
        return all(session.end < timezone.now() for session in self.session_list)

    def clean(self):
        super().clean()
        errors = self.registration_errors()
        # Sessions are saved after this check, so whether one is hybrid is only
        # known later; the form asks about online participation only if one is.
        errors.pop("online_participation_offered", None)
        if errors:
            raise ValidationError(errors)

    def registration_starts(self):
        return min((session.start for session in self.session_list), default=None)

    def offers_hybrid_participation(self):
        return any(
            session.event_format == EventFormat.HYBRID for session in self.session_list
        )


class CourseSession(Orderable):
    page = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(
        _("title"), max_length=160, help_text=_("e.g. 1. Marx lesen")
    )
    start = models.DateTimeField(_("start"), help_text=_("Berlin time."))
    end = models.DateTimeField(_("end"), help_text=_("Berlin time."))
    event_format = models.CharField(
        _("format"),
        max_length=6,
        choices=EventFormat.choices,
        default=EventFormat.ONSITE,
    )
    venue = models.ForeignKey(
        "dialog.Venue",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("venue"),
        help_text=_("For on-site and hybrid sessions."),
    )
    online_link = models.URLField(
        _("video link"),
        blank=True,
        help_text=_(
            "For online and hybrid sessions. A course with registration shows it "
            "only to confirmed participants and organisers."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
        MultiFieldPanel(
            [
                FieldPanel("event_format"),
                FieldPanel("venue"),
                FieldPanel("online_link"),
            ],
            heading=_("Where"),
        ),
    ]

    api_fields = [
        APIField("title"),
        APIField("start"),
        APIField("end"),
        APIField("event_format"),
        APIField("venue", serializer=VenueSerializer()),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = schedule_errors(
            self,
            end=_("The session must end after it starts."),
            venue=_("On-site and hybrid sessions need a venue."),
            online_link=_("Online and hybrid sessions need a video link."),
        )
        if errors:
            raise ValidationError(errors)
