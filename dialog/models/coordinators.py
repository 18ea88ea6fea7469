"""Who coordinates a working group: they, and only they, see its member list."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


class WorkingGroupCoordinator(Orderable):
    """A member who runs the group (spokesperson), chosen by the page's editors."""

    page = ParentalKey(
        "dialog.WorkingGroupPage",
        on_delete=models.CASCADE,
        related_name="coordinators",
        verbose_name=_("working group"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="coordinated_working_groups",
        verbose_name=_("account"),
        limit_choices_to={"is_active": True},
        help_text=_("Sees the group's member list (names only, no contact data)."),
    )

    panels = [FieldPanel("user")]

    class Meta(Orderable.Meta):
        verbose_name = _("coordinator")
        verbose_name_plural = _("coordinators")
        constraints = [
            models.UniqueConstraint(
                fields=["page", "user"], name="dialog_working_group_coordinator_once"
            )
        ]

    def __str__(self):
        return str(self.user_id)
