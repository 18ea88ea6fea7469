"""The coalition agreement page: overview, chapter, item and feed routes.

The routes are the page's views (Wagtail's routable pages); they read chapters
and items through ``tracker.selectors`` and ``tracker.models.agreements``,
which never import this module, so everything is imported at module level.
"""

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.caching import PortalPage
from core.pages import paginate
from home.blocks import RICH_TEXT_FEATURES

from ..feeds import status_atom, status_rss
from ..forms.agreements import ItemFilterForm
from ..selectors.agreements import (
    agreement_charts,
    item_history,
    items_filter,
    linked_pages,
)
from .agreements import AgreementChapter, AgreementItem

TEMPLATES = "tracker/"
ITEMS_PER_PAGE = 50


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
        form = ItemFilterForm(request.GET or None, agreement=self)
        filters, status = {}, 200
        if form.is_bound:
            if form.is_valid():
                filters = {
                    "topic": form.cleaned_data["topic"],
                    "status": form.cleaned_data["status"],
                    "query": form.cleaned_data["q"],
                }
            else:
                status = 400
        items = paginate(
            request, items_filter(agreement=self, **filters), ITEMS_PER_PAGE
        )
        query = request.GET.copy()
        query.pop("page", None)
        response = self.render(
            request,
            template=TEMPLATES + "coalition_agreement_page.html",
            context_overrides={
                "filter_form": form,
                "items": items,
                "filtered": bool(filters) and any(filters.values()),
                "query_without_page": query.urlencode(),
                **agreement_charts(agreement=self),
            },
        )
        response.status_code = status
        return response

    @path("kapitel/<int:number>/", name="chapter")
    def chapter(self, request, number):
        chapter = get_object_or_404(AgreementChapter, agreement=self, number=number)
        return self.render(
            request,
            template=TEMPLATES + "agreement_chapter.html",
            context_overrides={
                "chapter": chapter,
                "items": items_filter(agreement=self, chapter=chapter),
                "events": linked_pages(chapter.events.all(), request.user),
            },
        )

    @path("kapitel/<int:chapter>/punkt/<int:number>/", name="item")
    def item(self, request, chapter, number):
        item = (
            AgreementItem.objects.filter(
                chapter__agreement=self, chapter__number=chapter, number=number
            )
            .select_related("chapter")
            .prefetch_related("topics")
            .first()
        )
        if item is None:
            raise Http404(gettext("There is no such item in this agreement."))
        return self.render(
            request,
            template=TEMPLATES + "agreement_item.html",
            context_overrides={
                "item": item,
                "history": item_history(item=item),
                "briefings": linked_pages(item.briefings.all(), request.user),
                "events": linked_pages(item.events.all(), request.user),
            },
        )

    @path("aenderungen/rss/", name="feed_rss")
    def feed_rss(self, request):
        return status_rss(request, self)

    @path("aenderungen/atom/", name="feed_atom")
    def feed_atom(self, request):
        return status_atom(request, self)
