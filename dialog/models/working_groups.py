"""Working-group pages: what an AG does, when it meets, who joined."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from core.caching import PortalPage
from core.selectors import visible_to
from home.blocks import RICH_TEXT_FEATURES, BaseStreamBlock
from home.models import DistrictMixin, ListingMixin, TopicsMixin, topics_panel
from home.serializers import DistrictSerializer, TopicSerializer
from registrations.models import RegistrationMixin, RegistrationMode

from ..selectors.working_groups import (
    working_group_member_count,
    working_group_members_visible_to,
)


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
        context["member_count"] = working_group_member_count(page=self)
        context["sees_member_list"] = working_group_members_visible_to(
            user=request.user, page=self
        )
        return context
