"""Forum pages: asynchronous discussions for members."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from comments.mixins import CommentableMixin, comments_panel
from core.caching import PortalPage
from home.blocks import RICH_TEXT_FEATURES
from home.models import DistrictMixin, ListingMixin, TopicsMixin, topics_panel
from home.serializers import DistrictSerializer, TopicSerializer


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
