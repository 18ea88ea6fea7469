"""Press permissions and the second approval follow new news sections and districts."""

from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail import hooks

from home.models import DistrictPage

from ..models import DecisionBriefingPage, NewsIndexPage
from ..models.workflows import needs_second_approval
from ..services.roles import briefing_parent_roles_ensure, press_roles_sync

hooks.register("roles_sync", press_roles_sync)


@hooks.register("after_create_page")
def briefing_parent_created(request, page):
    if isinstance(page.specific, NewsIndexPage | DistrictPage):
        briefing_parent_roles_ensure(page=page)


@hooks.register("before_create_page")
def no_direct_publishing_of_new_briefings(request, parent_page, page_class):
    """Creating a briefing with "Publish" would skip the second approval."""
    if (
        request.method == "POST"
        and issubclass(page_class, DecisionBriefingPage)
        and request.POST.get("action-publish")
        and needs_second_approval(parent_page)
    ):
        return TemplateResponse(
            request,
            "news/admin/second_approval_required.html",
            {
                "message": _(
                    "Decision briefings are published after a second person "
                    "approved them. Save a draft and submit it for approval."
                ),
                "back_url": reverse("wagtailadmin_explore", args=[parent_page.pk]),
            },
            status=403,
        )
    return None
