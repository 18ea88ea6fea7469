"""RSS 2.0 and Atom feeds: all news, public decision briefings, per topic and district.

Feeds list only what a visitor may open (``.live().public()``): a members-only
briefing never leaves the portal through a feed reader.
"""

import datetime

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Site

from core.selectors import visible_to
from home.models import DistrictPage, Topic
from home.selectors import in_district_q

from ..models import DecisionBriefingPage, NewsArticlePage

FEED_LENGTH = 30


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _pages(model, *, topic_slug=None, district=None):
    pages = visible_to(model.objects.live(), None)
    if (locale := _active_locale()) is not None:
        pages = pages.filter(locale=locale)
    if topic_slug is not None:
        # Topics in several locales may share a slug: one row per page.
        pages = pages.filter(topics__slug=topic_slug).distinct()
    if district is not None:
        pages = pages.filter(in_district_q(district))
    ordering = ("-date",) if model is NewsArticlePage else ()
    return pages.prefetch_related("topics").order_by(
        *ordering, "-first_published_at", "-pk"
    )[:FEED_LENGTH]


def published_at(page):
    """When an item appeared: an article on its shown date, a briefing when published.

    Editors back-date articles; the time of first publication is kept when it
    falls on the shown date so that several items of one day stay in order.
    """
    if isinstance(page, NewsArticlePage):
        first = page.first_published_at
        if first and timezone.localdate(first) == page.date:
            return first
        return timezone.make_aware(
            datetime.datetime.combine(page.date, datetime.time())
        )
    return page.first_published_at or page.latest_revision_created_at


NEVER = datetime.datetime.min.replace(tzinfo=datetime.UTC)


def _newest_first(*querysets):
    items = [page for queryset in querysets for page in queryset]
    items.sort(key=lambda page: (published_at(page) or NEVER, page.pk), reverse=True)
    return items[:FEED_LENGTH]


class PageFeed(Feed):
    """Shared item fields of every news feed; subclasses pick items and titles."""

    feed_type = Rss201rev2Feed
    url_name = ""

    def __call__(self, request, *args, **kwargs):
        # A fresh instance per request (see ``as_view``), so keeping the request
        # here is safe under threads.
        self.request = request
        return super().__call__(request, *args, **kwargs)

    @classmethod
    def as_view(cls):
        def view(request, *args, **kwargs):
            return cls()(request, *args, **kwargs)

        return view

    def site_name(self):
        site = Site.find_for_request(self.request)
        return (site and site.site_name) or "Mitmachportal"

    def author_name(self):
        return self.site_name()

    def link(self, obj=None):
        if isinstance(obj, DistrictPage):
            return obj.get_full_url(self.request)
        site = Site.find_for_request(self.request)
        return site.root_url + "/" if site else "/"

    def feed_url(self, obj=None):
        args = [obj.slug] if obj is not None else []
        return reverse(f"news:{self.url_name}", args=args)

    def item_title(self, item):
        return item.title

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_guid(self, item):
        return f"urn:mitmachportal:page:{item.pk}"

    item_guid_is_permalink = False

    def item_description(self, item):
        return (
            getattr(item, "teaser", "")
            or getattr(item, "summary", "")
            or item.listing_summary
        )

    def item_pubdate(self, item):
        return published_at(item)

    def item_updateddate(self, item):
        return item.last_published_at or published_at(item) or timezone.now()

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]


class NewsFeed(PageFeed):
    url_name = "feed_news_rss"

    def title(self):
        return _("%(site)s: News") % {"site": self.site_name()}

    def description(self):
        return _("The latest news of the Berlin state association and its districts.")

    def items(self):
        return _newest_first(_pages(NewsArticlePage))


class BriefingFeed(PageFeed):
    url_name = "feed_briefings_rss"

    def title(self):
        return _("%(site)s: Decision briefings") % {"site": self.site_name()}

    def description(self):
        return _("Early information on upcoming decisions and how to explain them.")

    def items(self):
        return _newest_first(_pages(DecisionBriefingPage))


class TopicFeed(PageFeed):
    """News and public briefings filed under one topic."""

    url_name = "feed_topic_rss"

    def get_object(self, request, slug):
        topics = list(Topic.objects.filter(slug=slug))
        if not topics:
            raise Http404(_("There is no topic with this address."))
        locale_id = getattr(_active_locale(), "pk", None)
        return next((t for t in topics if t.locale_id == locale_id), topics[0])

    def title(self, obj):
        return _("%(site)s: %(topic)s") % {"site": self.site_name(), "topic": obj.name}

    def description(self, obj):
        return obj.description or _("News and decision briefings on %(topic)s.") % {
            "topic": obj.name
        }

    def items(self, obj):
        return _newest_first(
            _pages(NewsArticlePage, topic_slug=obj.slug),
            _pages(DecisionBriefingPage, topic_slug=obj.slug),
        )


class DistrictFeed(PageFeed):
    """News and public briefings of one district."""

    url_name = "feed_district_rss"

    def get_object(self, request, slug):
        districts = visible_to(DistrictPage.objects.live(), None).filter(slug=slug)
        if (locale := _active_locale()) is not None:
            districts = districts.filter(locale=locale)
        district = districts.first()
        if district is None:
            raise Http404(_("There is no district with this address."))
        return district

    def title(self, obj):
        return _("%(site)s: %(district)s") % {
            "site": self.site_name(),
            "district": obj.title,
        }

    def description(self, obj):
        return _("News and decision briefings from %(district)s.") % {
            "district": obj.title
        }

    def items(self, obj):
        return _newest_first(
            _pages(NewsArticlePage, district=obj),
            _pages(DecisionBriefingPage, district=obj),
        )


def atom(feed_class):
    """The Atom variant of an RSS feed class."""
    return type(
        f"Atom{feed_class.__name__}",
        (feed_class,),
        {
            "feed_type": Atom1Feed,
            "url_name": feed_class.url_name.replace("_rss", "_atom"),
            "subtitle": feed_class.description,
        },
    )


news_rss, news_atom = NewsFeed.as_view(), atom(NewsFeed).as_view()
briefings_rss, briefings_atom = BriefingFeed.as_view(), atom(BriefingFeed).as_view()
topic_rss, topic_atom = TopicFeed.as_view(), atom(TopicFeed).as_view()
district_rss, district_atom = DistrictFeed.as_view(), atom(DistrictFeed).as_view()
