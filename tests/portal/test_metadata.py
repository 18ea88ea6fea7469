"""Page heads: canonical address, Open Graph, JSON-LD and feed autodiscovery."""

import json
from html.parser import HTMLParser

import pytest
import wagtail_factories
from django.urls import reverse

from dialog.factories import EventPageFactory
from dialog.models import EventFormat
from education.factories import CoursePageFactory, CourseSessionFactory
from home.models import SiteSettings
from news.factories import NewsArticlePageFactory


class HeadParser(HTMLParser):
    """The meta and link tags of a page and its JSON-LD blocks."""

    def __init__(self):
        super().__init__()
        self.meta, self.links, self.json_ld = {}, [], []
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("property") or attrs.get("name")
            if key:
                self.meta[key] = attrs.get("content")
        elif tag == "link":
            self.links.append(attrs)
        elif tag == "script" and attrs.get("type") == "application/ld+json":
            self._in_json_ld = True

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def structured(parsed, schema_type):
    (data,) = [d for d in parsed.json_ld if d["@type"] == schema_type]
    return data


@pytest.fixture
def article(news_index):
    return NewsArticlePageFactory(
        parent=news_index,
        title="Mietendeckel jetzt",
        teaser="Wir sammeln Unterschriften.",
    )


def test_page_has_an_absolute_canonical_address(client, article):
    parsed = head(client, article.url)

    (canonical,) = [link for link in parsed.links if link["rel"] == "canonical"]
    assert canonical["href"] == article.full_url
    assert canonical["href"].startswith("http")


def test_article_has_open_graph_tags(client, article):
    meta = head(client, article.url).meta

    assert meta["og:type"] == "article"
    assert meta["og:title"] == "Mietendeckel jetzt"
    assert meta["og:description"] == "Wir sammeln Unterschriften."
    assert meta["og:url"] == article.full_url
    assert meta["og:site_name"] == "Mitmachportal"
    assert meta["og:locale"] == "de_DE"


def test_page_without_image_has_a_summary_card(client, article):
    meta = head(client, article.url).meta

    assert meta["twitter:card"] == "summary"
    assert "og:image" not in meta


def test_page_with_a_listing_image_shares_it_large(client, news_index):
    page = NewsArticlePageFactory(
        parent=news_index, listing_image=wagtail_factories.ImageFactory()
    )

    meta = head(client, page.url).meta

    assert meta["twitter:card"] == "summary_large_image"
    assert meta["og:image"].startswith("http://localhost/media/images/")


def test_article_has_news_article_json_ld(client, article, home_page):
    data = structured(head(client, article.url), "NewsArticle")

    assert data["@context"] == "https://schema.org"
    assert data["headline"] == "Mietendeckel jetzt"
    assert data["url"] == article.full_url
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Mitmachportal"


def test_public_briefing_has_news_article_json_ld(client, public_briefing):
    data = structured(head(client, public_briefing.url), "NewsArticle")

    assert data["description"] == public_briefing.summary


def test_members_only_briefing_is_not_indexed(client, member_user, members_briefing):
    client.force_login(member_user)

    parsed = head(client, members_briefing.url)

    assert parsed.meta["robots"] == "noindex"
    assert parsed.json_ld == []
    assert "og:description" not in parsed.meta


def test_json_ld_escapes_markup_in_titles(client, news_index):
    page = NewsArticlePageFactory(parent=news_index, title="</script><b>x</b> & Co")

    html = client.get(page.url).content.decode()

    assert "</script><b>" not in html
    assert "\\u003C/script\\u003E" in html


@pytest.mark.parametrize(
    ("event_format", "mode"),
    [
        (EventFormat.ONSITE, "https://schema.org/OfflineEventAttendanceMode"),
        (EventFormat.HYBRID, "https://schema.org/MixedEventAttendanceMode"),
    ],
)
def test_event_json_ld_has_place_and_attendance_mode(
    client, event_index, event_format, mode
):
    event = EventPageFactory(
        parent=event_index,
        title="Basiskonferenz",
        event_format=event_format,
        online_link="https://meet.example.org/x",
    )

    data = structured(head(client, event.url), "Event")

    assert data["eventAttendanceMode"] == mode
    place = (
        data["location"] if event_format == EventFormat.ONSITE else data["location"][0]
    )
    assert place["@type"] == "Place"
    assert place["address"]["@type"] == "PostalAddress"
    assert place["address"]["streetAddress"] == event.venue.street
    assert place["address"]["postalCode"] == event.venue.postcode


def test_online_event_json_ld_has_a_virtual_location(client, event_index):
    event = EventPageFactory(
        parent=event_index,
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link="https://meet.example.org/geheim",
    )

    data = structured(head(client, event.url), "Event")

    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {"@type": "VirtualLocation", "url": event.full_url}


def test_event_json_ld_has_dates_organizer_and_url(client, event_index):
    event = EventPageFactory(parent=event_index)

    data = structured(head(client, event.url), "Event")

    assert data["startDate"] == event.start.astimezone().isoformat()
    assert data["endDate"] == event.end.astimezone().isoformat()
    assert data["organizer"]["@type"] == "Organization"
    assert data["url"] == event.full_url


def test_course_json_ld_has_provider_and_sessions(client, course_index):
    course = CoursePageFactory(parent=course_index, title="Marx lesen")
    CourseSessionFactory(page=course, title="1. Das Kapital")

    data = structured(head(client, course.url), "Course")

    assert data["name"] == "Marx lesen"
    assert data["provider"]["@type"] == "Organization"
    (session,) = data["hasCourseInstance"]
    assert session["name"] == "1. Das Kapital"
    assert session["courseMode"] == "Onsite"
    assert session["location"]["@type"] == "Place"


def test_home_page_has_organization_json_ld_with_channels(client, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.mastodon_url = "https://social.example.org/@linke"
    settings.save()

    data = structured(head(client, home_page.url), "Organization")

    assert data["name"] == "Mitmachportal"
    assert data["url"] == "http://localhost/"
    assert data["sameAs"] == ["https://social.example.org/@linke"]
    assert data["logo"].endswith(".svg")


def test_every_page_announces_the_news_feeds(client, article):
    links = head(client, article.url).links

    alternates = {
        (link.get("type"), link["href"]) for link in links if link["rel"] == "alternate"
    }
    assert ("application/rss+xml", reverse("news:feed_news_rss")) in alternates
    assert ("application/atom+xml", reverse("news:feed_news_atom")) in alternates
    assert ("application/rss+xml", reverse("news:feed_briefings_rss")) in alternates


def test_district_page_announces_its_own_feed(client, district):
    links = head(client, district.url).links

    hrefs = [link["href"] for link in links if link["rel"] == "alternate"]
    assert reverse("news:feed_district_rss", args=[district.slug]) in hrefs
    assert reverse("news:feed_district_atom", args=[district.slug]) in hrefs


def test_search_page_announces_the_feeds_too(client, home_page):
    links = head(client, reverse("search:search")).links

    hrefs = [link["href"] for link in links if link["rel"] == "alternate"]
    assert reverse("news:feed_news_rss") in hrefs


# Social channels and share links


def test_footer_links_the_channels_with_rel_me(client, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.bluesky_url = "https://bsky.app/profile/linke.example.org"
    settings.whatsapp_url = "https://whatsapp.com/channel/linke"
    settings.save()

    html = client.get(home_page.url).content.decode()

    assert (
        '<a href="https://bsky.app/profile/linke.example.org" rel="me noopener">'
        "Bluesky</a>"
    ) in html
    assert 'rel="me noopener">WhatsApp</a>' in html


def test_footer_links_the_newsletter(client, home_page):
    settings = SiteSettings.for_site(home_page.get_site())
    settings.newsletter_url = "https://linke.example.org/newsletter"
    settings.save()

    html = client.get(home_page.url).content.decode()

    assert '<a href="https://linke.example.org/newsletter">Newsletter</a>' in html


def test_article_offers_plain_share_links(client, article):
    html = client.get(article.url).content.decode()

    encoded = "http%3A%2F%2Flocalhost%2Faktuelles%2F" + article.slug
    assert f"https://bsky.app/intent/compose?text=Mietendeckel+jetzt+{encoded}" in html
    assert f"https://wa.me/?text=Mietendeckel+jetzt+{encoded}" in html
    assert "mailto:?subject=Mietendeckel%20jetzt&amp;body=" in html


def test_share_links_load_nothing_from_elsewhere(client, article):
    html = client.get(article.url).content.decode()

    assert '<script src="http' not in html
    assert '<img src="http' not in html
    assert "<iframe" not in html


def test_event_page_offers_share_links(client, event_index):
    event = EventPageFactory(parent=event_index)

    html = client.get(event.url).content.decode()

    assert "https://t.me/share/url?url=" in html


def test_members_only_briefing_offers_no_share_links(
    client, member_user, members_briefing
):
    client.force_login(member_user)

    html = client.get(members_briefing.url).content.decode()

    assert "bsky.app/intent" not in html
    assert "mailto:?subject" not in html
