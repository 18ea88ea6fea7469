from django import forms
from django.db import models
from django.http import Http404
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
)
from wagtail.admin.widgets import AdminPageChooser
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from core.caching import PortalPage, deepest_page, lists_version
from core.pages import is_visible_to
from core.selectors import audience_key, public

from .blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from .district_figures import (
    Area,
    comparison_charts,
    district_charts,
    figures_csv_response,
)
from .serializers import PublicPageSerializer, TopicSerializer


class Topic(TranslatableMixin, models.Model):
    """A political field (Mieten & Wohnen, Pflege …) that content is filed under."""

    name = models.CharField(
        _("name"),
        max_length=80,
        help_text=_("As readers see it, e.g. Mieten & Wohnen."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in addresses and feeds, e.g. mieten-wohnen."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One or two sentences for topic pages."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug")
        ]

    def __str__(self):
        return self.name


def collect_sections(hook_name, request, page=None, **context):
    """Sections other apps contribute to a page, in the order of their ``order``.

    Each ``hook_name`` function gets ``request`` and ``context`` (``page=`` for
    the home and district pages, ``topic=`` and ``locale=`` for topic pages) and
    returns ``{order, title, template, items}`` (optionally ``links``: a list of
    ``(label, url)``) or ``None``.
    """
    if page is not None:
        context["page"] = page
    sections = [fn(request=request, **context) for fn in hooks.get_hooks(hook_name)]
    sections = [section for section in sections if section]
    return sorted(sections, key=lambda section: section.get("order", 100))


def featured_page_types() -> dict:
    """``{page model: template}`` of the pages the home page can feature.

    Filled by ``@hooks.register("home_featured_page_types")`` functions that
    return ``(page model, template)``; the template gets the page as
    ``featured_page``.
    """
    return dict(fn() for fn in hooks.get_hooks("home_featured_page_types"))


class FeaturedPageChooserPanel(PageChooserPanel):
    """A page chooser offering the page types of ``featured_page_types()``.

    The types are read when the edit form is built (hooks are loaded by then),
    so home names no feature app; with none registered it offers any page.
    """

    def get_form_options(self):
        opts = super().get_form_options()
        opts.setdefault("widgets", {})[self.field_name] = AdminPageChooser(
            target_models=list(featured_page_types()) or None,
            can_choose_root=self.can_choose_root,
        )
        return opts


def sections_cache_key(request) -> str:
    """Key of the cached sections of a home or district page: they change when
    any page is published and differ by who may see which pages."""
    return f"{lists_version()}:{audience_key(request.user)}"


def topics_panel():
    return FieldPanel("topics", widget=forms.CheckboxSelectMultiple)


class ListingMixin(models.Model):
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_("Shown in lists and when the page is shared."),
    )
    listing_summary = models.CharField(
        _("listing summary"),
        max_length=300,
        blank=True,
        help_text=_("A sentence or two for lists and search results."),
    )

    promote_panels = Page.promote_panels + [
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listing"),
        )
    ]

    class Meta:
        abstract = True


class TopicsMixin(models.Model):
    topics = ParentalManyToManyField(
        "home.Topic",
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
        verbose_name=_("topics"),
        help_text=_("Readers follow topics; pick every topic this page is about."),
    )

    class Meta:
        abstract = True

    @cached_property
    def topic_list(self):
        """The page's topics, asked once per render (template and metadata)."""
        return list(self.topics.all())


class DistrictMixin(models.Model):
    district = models.ForeignKey(
        "home.DistrictPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("Leave empty for the whole state association."),
    )

    class Meta:
        abstract = True


class HomePage(ListingMixin, PortalPage):
    lead = models.TextField(
        _("lead"),
        max_length=500,
        help_text=_("The first sentences visitors read, below the title."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hero image"),
        help_text=_("A wide picture at the top of the home page."),
    )
    featured_briefing = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("featured decision briefing"),
        help_text=_("The upcoming decision members should know about first."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Further content below the news and events."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("hero_image"),
        FeaturedPageChooserPanel("featured_briefing"),
        FieldPanel("body"),
    ]

    search_fields = Page.search_fields + [index.SearchField("lead")]

    api_fields = [
        APIField("lead"),
        APIField("featured_briefing", serializer=PublicPageSerializer()),
        APIField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the deepest page on the path (``core.caching.deepest_page``).

        Wagtail's ``route`` asks twice per level (child by slug, then its
        specific row); a page three levels down cost six queries on every
        render. The page found routes the rest itself (routable pages' sub-paths,
        404 for unknown children, drafts).
        """
        if not path_components:
            return super().route(request, path_components)

        specific = deepest_page(self, path_components)
        if specific is None:
            raise Http404
        remaining = path_components[specific.depth - self.depth :]
        return specific.route(request, remaining)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only when rendered: a visitor's cached fragment does not ask.
        featured = SimpleLazyObject(lambda: self._featured_briefing_for(request))
        context["featured_briefing"] = featured
        # A callable: the template calls it only when it renders the section.
        context["featured_template"] = lambda: (
            featured_page_types().get(featured.__class__) if featured else None
        )
        # Built only when the cached fragment of the sections is rendered.
        context["sections"] = SimpleLazyObject(
            lambda: collect_sections("home_page_sections", request, self)
        )
        context["sections_key"] = sections_cache_key(request)
        return context

    def _featured_briefing_for(self, request):
        featured = self.featured_briefing
        if featured and featured.live and is_visible_to(featured, request):
            return featured.specific
        return None


class StandardPage(ListingMixin, TopicsMixin, PortalPage):
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("A short lead paragraph.")
    )
    body = StreamField(
        BaseStreamBlock(), verbose_name=_("body"), help_text=_("Page content.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
        topics_panel(),
    ]
    promote_panels = ListingMixin.promote_panels

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]

    api_fields = [
        APIField("intro"),
        APIField("body"),
        APIField("topics", serializer=TopicSerializer(many=True)),
    ]

    class Meta:
        verbose_name = _("standard page")


class DistrictIndexPage(PortalPage):
    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Explains how the districts work together."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.DistrictPage", "home.DistrictDataPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("district index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        districts = public(DistrictPage.objects.child_of(self).live()).order_by("title")
        context["inner_districts"] = [
            d for d in districts if d.area == DistrictPage.Area.INNER
        ]
        context["outer_districts"] = [
            d for d in districts if d.area == DistrictPage.Area.OUTER
        ]
        return context


class DistrictPage(ListingMixin, PortalPage):
    """One of Berlin's twelve district associations (Bezirksverbände)."""

    Area = Area

    area = models.CharField(
        _("area"),
        max_length=5,
        choices=Area.choices,
        help_text=_(
            "Inside or outside the S-Bahn ring, as used in the district comparison."
        ),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("Who we are in this district.")
    )
    office_address = models.TextField(
        _("office address"),
        blank=True,
        help_text=_("Street, postcode and city; one per line."),
    )
    office_hours = models.CharField(
        _("office hours"),
        max_length=200,
        blank=True,
        help_text=_("e.g. Mon–Thu 14–18 Uhr"),
    )
    office_email = models.EmailField(
        _("office email"),
        blank=True,
        help_text=_("The district office's public address."),
    )
    office_phone = models.CharField(
        _("office phone"),
        max_length=40,
        blank=True,
        help_text=_("The office's public number."),
    )
    body = StreamField(
        BaseStreamBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("More about the district."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("area"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("office_address"),
                FieldPanel("office_hours"),
                FieldPanel("office_email"),
                FieldPanel("office_phone"),
            ],
            heading=_("District office"),
        ),
        FieldPanel("body"),
    ]
    promote_panels = ListingMixin.promote_panels

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("office_address"),
        index.FilterField("area"),
    ]

    api_fields = [
        APIField("area"),
        APIField("intro"),
        APIField("office_address"),
        APIField("office_hours"),
        APIField("office_email"),
        APIField("office_phone"),
    ]

    parent_page_types = ["home.DistrictIndexPage"]

    class Meta:
        verbose_name = _("district page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Built only when the cached fragment of the sections is rendered.
        context["sections"] = SimpleLazyObject(
            lambda: collect_sections("district_page_sections", request, self)
        )
        return context


class DistrictCoordinatorGroup(models.Model):
    """The group whose members use the coordination tools for one district.

    Coordinators get no page permissions (those would make them editors, see
    ``home.selectors.districts_managed_by``); this row scopes their tools
    instead (``home.selectors.districts_coordinated_by``). ``home.roles``
    creates one per district page.
    """

    district = models.OneToOneField(
        DistrictPage,
        on_delete=models.CASCADE,
        related_name="coordinator_group",
        verbose_name=_("district"),
    )
    group = models.OneToOneField(
        "auth.Group",
        on_delete=models.CASCADE,
        related_name="coordinated_district",
        verbose_name=_("group"),
    )

    class Meta:
        verbose_name = _("district coordinators' group")
        permissions = [
            (
                "coordinate_all_districts",
                _("Can use the coordination tools for every district"),
            )
        ]

    def __str__(self):
        return self.group.name


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    contact_email = models.EmailField(
        _("contact email"), blank=True, help_text=_("Shown in the footer.")
    )
    contact_phone = models.CharField(
        _("contact phone"),
        max_length=40,
        blank=True,
        help_text=_("Shown in the footer."),
    )
    postal_address = models.TextField(
        _("postal address"),
        blank=True,
        help_text=_("The state office, one line per row."),
    )
    footer_text = models.TextField(
        _("footer text"), blank=True, help_text=_("A sentence about the association.")
    )
    imprint_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imprint page"),
        help_text=_("Linked in the footer of every page."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("privacy page"),
        help_text=_("Linked in the footer of every page."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accessibility statement"),
        help_text=_("Linked in the footer of every page."),
    )
    mastodon_url = models.URLField(
        _("Mastodon"), blank=True, help_text=_("Profile address.")
    )
    bluesky_url = models.URLField(
        _("Bluesky"), blank=True, help_text=_("Profile address.")
    )
    instagram_url = models.URLField(
        _("Instagram"), blank=True, help_text=_("Profile address.")
    )
    facebook_url = models.URLField(
        _("Facebook"), blank=True, help_text=_("Profile address.")
    )
    youtube_url = models.URLField(
        _("YouTube"), blank=True, help_text=_("Channel address.")
    )
    telegram_url = models.URLField(
        _("Telegram"), blank=True, help_text=_("Channel address.")
    )
    whatsapp_url = models.URLField(
        _("WhatsApp channel"),
        blank=True,
        help_text=_("Channel address, e.g. https://whatsapp.com/channel/…"),
    )
    newsletter_url = models.URLField(
        _("newsletter"),
        blank=True,
        help_text=_("Where people sign up for the newsletter; linked in the footer."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("contact_email"),
                FieldPanel("contact_phone"),
                FieldPanel("postal_address"),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("mastodon_url"),
                FieldPanel("bluesky_url"),
                FieldPanel("instagram_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("telegram_url"),
                FieldPanel("whatsapp_url"),
                FieldPanel("newsletter_url"),
            ],
            heading=_("Social channels"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("footer_text"),
                FieldPanel("imprint_page"),
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
            ],
            heading=_("Footer"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @property
    def social_links(self):
        """The association's own profiles as (name, address): footer and ``sameAs``."""
        names = [
            ("Mastodon", self.mastodon_url),
            ("Bluesky", self.bluesky_url),
            ("Instagram", self.instagram_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Telegram", self.telegram_url),
            ("WhatsApp", self.whatsapp_url),
        ]
        return [(name, url) for name, url in names if url]


class DistrictDataPage(RoutablePageMixin, PortalPage):
    """Per-district figures by year, compared between inner city and outer districts.

    The project group of the resolution compares the districts; editors keep the
    figures in the inline below or import them from CSV (page actions in the
    admin). Only aggregates of the associations, no personal data.
    """

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What the figures show and where they come from."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel(
            "figures",
            heading=_("Figures per district and year"),
            label=_("Figures"),
        ),
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    api_fields = [APIField("intro")]

    parent_page_types = ["home.HomePage", "home.DistrictIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("district data page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        rows = self.figure_rows()
        context["district_charts"] = district_charts(rows)
        context["comparison_charts"] = comparison_charts(rows)
        return context

    @path("daten/", name="data_csv")
    def data_csv(self, request):
        return figures_csv_response(self, self.figure_rows())

    def figure_rows(self):
        """The page's figures with their districts, ordered by district and year."""
        return list(
            DistrictFigure.objects.filter(page=self)
            .select_related("district")
            .order_by("district__title", "year")
        )


class DistrictFigure(Orderable):
    """One district's figures for one year on a :class:`DistrictDataPage`."""

    page = ParentalKey(
        DistrictDataPage,
        on_delete=models.CASCADE,
        related_name="figures",
        verbose_name=_("page"),
    )
    district = models.ForeignKey(
        DistrictPage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("district"),
        help_text=_("The district association these figures belong to."),
    )
    year = models.PositiveSmallIntegerField(
        _("year"), help_text=_("The year the figures describe, e.g. 2026.")
    )
    members = models.PositiveIntegerField(
        _("members"),
        help_text=_("Party members in the district at the end of the year."),
    )
    inhabitants = models.PositiveIntegerField(
        _("inhabitants"),
        null=True,
        blank=True,
        help_text=_(
            "Inhabitants of the district; gives members per 1,000 inhabitants."
        ),
    )
    election_result = models.DecimalField(
        _("election result (%)"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        help_text=_("Second-vote share in the last election, in percent."),
    )
    events_held = models.PositiveIntegerField(
        _("events held"),
        null=True,
        blank=True,
        help_text=_("Events the district association held in the year."),
    )
    new_members = models.PositiveIntegerField(
        _("new members welcomed"),
        null=True,
        blank=True,
        help_text=_("New members who joined and were welcomed in the year."),
    )

    panels = [
        PageChooserPanel("district", "home.DistrictPage"),
        FieldPanel("year"),
        FieldPanel("members"),
        FieldPanel("inhabitants"),
        FieldPanel("election_result"),
        FieldPanel("events_held"),
        FieldPanel("new_members"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("district figures")
        verbose_name_plural = _("district figures")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "district", "year"],
                name="one_figure_row_per_district_and_year",
            )
        ]

    def __str__(self):
        return f"{self.district} {self.year}"

    @property
    def members_per_1000(self):
        if not self.inhabitants:
            return None
        return self.members * 1000 / self.inhabitants
