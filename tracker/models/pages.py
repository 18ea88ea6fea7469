"""The coalition agreement page: overview, chapter, item and feed routes.

The routes hand over to the views in ``tracker.views.pages`` and
``tracker.views.feeds``; those read chapters and items from
``tracker.models.agreements``, never from this module, so the page can import
them at module level.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.caching import PortalPage
from home.blocks import RICH_TEXT_FEATURES

from ..views.feeds import status_atom, status_rss
from ..views.pages import agreement_overview, chapter_detail, item_detail


class CoalitionAgreementPage(RoutablePageMixin, PortalPage):
    """One coalition agreement with its overview, chapter, item and feed routes."""

    intro = RichTextField(
        _("introduction"),
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("Who agreed on what, and how we follow it up."),
    )
    signed_on = models.DateField(
        _("signed on"),
        null=True,
        blank=True,
        help_text=_("When the coalition agreement was signed."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("signed_on"),
        FieldPanel("intro"),
    ]

    search_fields = Page.search_fields + [index.SearchField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("coalition agreement")
        verbose_name_plural = _("coalition agreements")

    @path("")
    def overview(self, request):
        return agreement_overview(request, self)

    @path("kapitel/<int:number>/", name="chapter")
    def chapter(self, request, number):
        return chapter_detail(request, self, number)

    @path("kapitel/<int:chapter>/punkt/<int:number>/", name="item")
    def item(self, request, chapter, number):
        return item_detail(request, self, chapter, number)

    @path("aenderungen/rss/", name="feed_rss")
    def feed_rss(self, request):
        return status_rss(request, self)

    @path("aenderungen/atom/", name="feed_atom")
    def feed_atom(self, request):
        return status_atom(request, self)
