from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce, TruncDate
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from comments.mixins import CommentableMixin, comments_panel
from core.caching import PortalPage
from core.pages import attach_images, paginate
from core.selectors import visible_to
from home.blocks import (
    RICH_TEXT_FEATURES,
    BaseStreamBlock,
    DocumentsBlock,
    TalkingPointsBlock,
)
from home.models import DistrictMixin, ListingMixin, TopicsMixin, topics_panel
from home.serializers import DistrictSerializer, TopicSerializer

from .workflows import BriefingPermissionTester

# The kinds subscribers follow for these pages (``Subscription.kind``),
# registered in ``wagtail_hooks.notifications``.
NEWS_KIND = "news"
BRIEFING_KIND = "briefing"


class NewsIndexPage(PortalPage):
    """A list of news articles and decision briefings, newest first."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Shown above the list."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsArticlePage", "news.DecisionBriefingPage"]

    class Meta:
        verbose_name = _("news index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = (
            visible_to(Page.objects.child_of(self).live(), request.user)
            .annotate(
                # Articles by their shown date (editors back-date them), like
                # the home page; briefings by when they were published.
                listed_on=Coalesce(
                    "newsarticlepage__date", TruncDate("first_published_at")
                )
            )
            .order_by(F("listed_on").desc(nulls_last=True), "-first_published_at")
            .specific()
        )
        items = paginate(request, children)
        items.object_list = attach_images(
            list(items.object_list), "listing_image", "image"
        )
        context["items"] = items
        return context


class NewsArticlePage(
    CommentableMixin,
    ListingMixin,
    TopicsMixin,
    DistrictMixin,
    PortalPage,
):
    date = models.DateField(
        _("date"),
        default=timezone.localdate,
        db_index=True,  # "latest news" reads the newest few in this order
        help_text=_("The date shown on the article."),
    )
    teaser = models.TextField(
        _("teaser"),
        max_length=400,
        help_text=_("One or two sentences that open the article."),
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("image"),
        help_text=_("Shown at the top of the article."),
    )
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("body"), help_text=_("The article.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("teaser"),
        FieldPanel("image"),
        FieldPanel("body"),
        MultiFieldPanel([topics_panel(), FieldPanel("district")], heading=_("Filing")),
    ]
    promote_panels = ListingMixin.promote_panels
    settings_panels = Page.settings_panels + [comments_panel()]

    search_fields = Page.search_fields + [
        index.SearchField("teaser"),
        index.SearchField("body"),
        index.FilterField("date"),
        index.FilterField("district"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("date"),
        APIField("teaser"),
        APIField("image"),
        APIField("body"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("district", serializer=DistrictSerializer()),
    ]

    parent_page_types = ["news.NewsIndexPage", "home.DistrictPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class DecisionBriefingPage(
    CommentableMixin,
    RoutablePageMixin,
    ListingMixin,
    TopicsMixin,
    DistrictMixin,
    PortalPage,
):
    """Early information on a decision ahead: what is at stake and how to explain it."""

    class Body(models.TextChoices):
        ABGEORDNETENHAUS = "abgeordnetenhaus", _("Abgeordnetenhaus (state parliament)")
        SENAT = "senat", _("Senat (state government)")
        BVV = "bvv", _("Bezirksverordnetenversammlung (district assembly)")
        BEZIRKSAMT = "bezirksamt", _("Bezirksamt (district office)")
        LANDESVORSTAND = "landesvorstand", _("Landesvorstand (state executive)")
        LANDESPARTEITAG = (
            "landesparteitag",
            _("Landesparteitag (state party conference)"),
        )
        LANDESAUSSCHUSS = "landesausschuss", _("Landesausschuss (state committee)")
        BUNDESTAG = "bundestag", _("Bundestag")
        OTHER = "other", _("Other body")

    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Upcoming")
        DECIDED = "decided", _("Decided")
        POSTPONED = "postponed", _("Postponed")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Public")
        MEMBERS = "members", _("Members only")

    decision_date = models.DateField(
        _("decision date"),
        db_index=True,  # "upcoming decisions" reads the next few in this order
        help_text=_("When the body is expected to decide."),
    )
    deciding_body = models.CharField(
        _("deciding body"),
        max_length=30,
        choices=Body.choices,
        help_text=_("Who takes the decision."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.UPCOMING,
        help_text=_("Update it when the decision is taken, postponed or withdrawn."),
    )
    audience = models.CharField(
        _("audience"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_(
            "Members-only briefings are hidden from visitors, search, lists and feeds."
        ),
    )
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("The decision in two sentences.")
    )
    at_stake = RichTextField(
        _("what is at stake"),
        features=RICH_TEXT_FEATURES,
        help_text=_("What changes for people in Berlin, and what we want."),
    )
    background = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("background"),
        help_text=_("History, figures and positions of the other parties."),
    )
    talking_points = StreamField(
        TalkingPointsBlock(),
        verbose_name=_("talking points"),
        help_text=_("Arguments for conversations with friends, family and neighbours."),
    )
    documents = StreamField(
        DocumentsBlock(),
        blank=True,
        verbose_name=_("documents"),
        help_text=_("Motions, drafts and statements to read in full."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("decision_date"),
                FieldPanel("deciding_body"),
                FieldPanel("status"),
                FieldPanel("audience"),
            ],
            heading=_("The decision"),
        ),
        FieldPanel("summary"),
        FieldPanel("at_stake"),
        FieldPanel("talking_points"),
        FieldPanel("background"),
        FieldPanel("documents"),
        MultiFieldPanel([topics_panel(), FieldPanel("district")], heading=_("Filing")),
    ]
    promote_panels = ListingMixin.promote_panels
    settings_panels = Page.settings_panels + [comments_panel()]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("at_stake"),
        index.SearchField("talking_points"),
        index.SearchField("background"),
        index.FilterField("decision_date"),
        index.FilterField("status"),
        index.FilterField("deciding_body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("decision_date"),
        APIField("deciding_body"),
        APIField("status"),
        APIField("summary"),
        APIField("at_stake"),
        APIField("talking_points"),
        APIField("background"),
        APIField("documents"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("district", serializer=DistrictSerializer()),
    ]

    parent_page_types = ["news.NewsIndexPage", "home.DistrictPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("decision briefing")
        verbose_name_plural = _("decision briefings")

    def permissions_for_user(self, user):
        return BriefingPermissionTester(user, self)

    @property
    def is_upcoming(self):
        return (
            self.status == self.Status.UPCOMING
            and self.decision_date >= timezone.localdate()
        )

    @path("drucken/", name="print")
    def print_view(self, request):
        """A handout of at most two A4 pages for meetings without screens."""
        return self.render(request, template="news/decision_briefing_page_print.html")

    def print_url(self):
        return (self.url or "") + self.reverse_subpage("print")
