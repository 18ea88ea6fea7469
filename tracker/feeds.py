"""RSS and Atom feeds of an agreement's status changes (like ``news`` feeds).

Syndication feeds, served by ``CoalitionAgreementPage``'s feed routes.
"""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from .selectors.agreements import recent_status_updates


class StatusFeed(Feed):
    feed_type = Rss201rev2Feed
    route_name = "feed_rss"

    def __call__(self, request, *args, **kwargs):
        # A fresh instance per request (see ``status_rss``/``status_atom``).
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def get_object(self, request, agreement):
        if agreement.get_view_restrictions().exists():
            raise Http404(_("This agreement has no public feed."))
        return agreement

    def title(self, obj):
        return _("%(agreement)s: status changes") % {"agreement": obj.title}

    def description(self, obj):
        return _("Every dated status change of the items of %(agreement)s.") % {
            "agreement": obj.title
        }

    def link(self, obj):
        return obj.get_full_url(self.request)

    def feed_url(self, obj):
        return obj.get_full_url(self.request) + obj.reverse_subpage(self.route_name)

    def items(self, obj):
        return recent_status_updates(agreement=obj)

    def item_title(self, item):
        return f"{item.item.code} {item.item.title}: {item.get_status_display()}"

    def item_link(self, item):
        agreement = item.item.chapter.agreement
        return agreement.get_full_url(self.request) + agreement.reverse_subpage(
            "item", args=[item.item.chapter.number, item.item.number]
        )

    def item_guid(self, item):
        return f"urn:mitmachportal:status-update:{item.pk}"

    item_guid_is_permalink = False

    def item_description(self, item):
        text = _("%(status)s, %(progress)d %% implemented.") % {
            "status": item.get_status_display(),
            "progress": item.progress,
        }
        return f"{text} {item.note}".strip()

    def item_pubdate(self, item):
        return item.created_at

    def item_categories(self, item):
        return [topic.name for topic in item.item.topics.all()]


class AtomStatusFeed(StatusFeed):
    feed_type = Atom1Feed
    route_name = "feed_atom"
    subtitle = StatusFeed.description


def status_rss(request, agreement):
    return StatusFeed()(request, agreement=agreement)


def status_atom(request, agreement):
    return AtomStatusFeed()(request, agreement=agreement)
