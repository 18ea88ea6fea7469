"""The city-wide calendar page, with its filters (a routable page)."""

from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from core.caching import PortalPage, cacheable_query
from core.pages import paginate
from home.blocks import RICH_TEXT_FEATURES
from home.models import sections_cache_key

from ..forms.calendar import CalendarFilterForm
from ..selectors.events import event_list


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
