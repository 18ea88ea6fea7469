"""Random, unicode, huge and malformed query parameters never make a page fail.

Search, pagination, calendar filters (page and JSON API), tracker filters,
the read API, feeds and the pages that read a parameter answer with a 200 or
a 4xx, never a 5xx.
"""

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from dialog.factories import EventPageFactory, VenueFactory
from dialog.models import EventFormat, EventPage
from education.factories import CourseIndexPageFactory, CoursePageFactory
from home.factories import TopicFactory
from news.factories import NewsArticlePageFactory
from tests.fuzz import (
    MALFORMED_QUERIES,
    assert_no_server_error,
    form_data,
    get,
    text_values,
)
from tests.utils import in_days
from tracker.factories import (
    AgreementChapterFactory,
    AgreementItemFactory,
    CoalitionAgreementPageFactory,
)
from tracker.models import ItemStatus

PAGE_NUMBERS = ["1", "2", "0", "-1", "last", "999999999999999999999", "1.5"]
BOOLEANS = ["on", "1", "true", "false", "0", ""]
DATES = ["2026-11-30", "30.11.2026", "2026-02-30", "9999-12-31", "1-1-1"]


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    """Search is limited per IP: the examples must reach the view, not the 429."""
    settings.PORTAL_RATE_LIMITS = {}


@pytest.fixture
def site(home_page, news_index, event_index, district, public_briefing):
    topic = TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")
    event = EventPageFactory(
        parent=event_index,
        title="Roter Stammtisch Mieten",
        kind=EventPage.Kind.STAMMTISCH,
        start=in_days(3),
        district=district,
        venue=VenueFactory(district=district, step_free=True),
    )
    event.topics.set([topic])
    EventPageFactory(
        parent=event_index,
        title="Themenrat online",
        kind=EventPage.Kind.THEMATIC_COUNCIL,
        start=in_days(12),
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link="https://meet.example.org/themenrat",
    )
    NewsArticlePageFactory(parent=news_index, title="Mieten runter")
    courses = CourseIndexPageFactory(parent=home_page)
    CoursePageFactory(parent=courses, title="Grundkurs Marx")
    agreement = CoalitionAgreementPageFactory(parent=home_page)
    chapter = AgreementChapterFactory(agreement=agreement, number=1, title="Wohnen")
    AgreementItemFactory(chapter=chapter, number=1).topics.add(topic)
    return {
        "topic": topic,
        "district": district,
        "news": news_index,
        "calendar": event_index,
        "courses": courses,
        "agreement": agreement,
    }


def queries(fields):
    """Dicts of the given parameters (random values) or a malformed query string."""
    return st.one_of(
        form_data(fields, huge=False),
        form_data(fields),
        st.sampled_from(MALFORMED_QUERIES),
    )


@given(
    query=queries({"q": ["Mieten", "Mieten Wohnen", '"Mieten'], "page": PAGE_NUMBERS})
)
def test_site_search_never_fails(client, site, query):
    assert_no_server_error(get(client, "/suche/", query))


def calendar_fields(site):
    return {
        "kind": [value for value, _label in EventPage.Kind.choices],
        "district": [site["district"].slug],
        "topic": [site["topic"].slug],
        "event_format": [value for value, _label in EventFormat.choices],
        "young": BOOLEANS,
        "step_free": BOOLEANS,
        "childcare": BOOLEANS,
        "child_friendly": BOOLEANS,
        "date_from": DATES,
        "date_to": DATES,
        "page": PAGE_NUMBERS,
    }


@hypothesis_settings(max_examples=25)
@given(data=st.data())
def test_calendar_filters_never_fail(client, site, data):
    query = data.draw(queries(calendar_fields(site)))
    assert_no_server_error(get(client, site["calendar"].url, query))


@hypothesis_settings(max_examples=25)
@given(data=st.data())
def test_calendar_api_filters_never_fail(client, site, data):
    fields = {
        "district": [site["district"].slug],
        "topic": [site["topic"].slug],
        "kind": [value for value, _label in EventPage.Kind.choices],
        "format": [value for value, _label in EventFormat.choices],
        "from": DATES,
        "to": DATES,
        "young": BOOLEANS,
        "step_free": BOOLEANS,
        "childcare": BOOLEANS,
        "child_friendly": BOOLEANS,
        "limit": ["1", "20", "0", "101", "-5", "x"],
        "offset": ["0", "5", "-1", "1e3", "99999999999999999999999"],
    }
    assert_no_server_error(get(client, "/api/v2/kalender/", data.draw(queries(fields))))


API_FIELDS = {
    "search": ["Mieten", "Mieten OR Wohnen", "*"],
    "search_operator": ["and", "or", "xor"],
    "type": ["dialog.EventPage", "news.NewsArticlePage", "wagtailcore.Page", "x.Y"],
    "fields": ["*", "title,teaser", "-title", "_,id", "body(type)", "x"],
    "order": ["title", "-title", "random", "id", "x"],
    "limit": ["1", "20", "0", "-1", "x", "100000"],
    "offset": ["0", "3", "-1", "x"],
    "child_of": ["1", "2", "x", "-1", "root"],
    "descendant_of": ["1", "2", "x"],
    "ancestor_of": ["1", "3", "x"],
    "locale": ["de", "en", "xx"],
    "translation_of": ["1", "x"],
    "has_children": ["true", "false", "x"],
    "slug": ["haushalt-2027", ""],
    "html_path": ["/", "/nachrichten/", "//x"],
    "show_in_menus": ["true", "x"],
    "title": ["Mieten"],
}


@given(
    endpoint=st.sampled_from(["pages", "images", "documents"]),
    query=queries(API_FIELDS),
)
def test_read_api_lists_never_fail(client, site, endpoint, query):
    assert_no_server_error(get(client, f"/api/v2/{endpoint}/", query))


@hypothesis_settings(max_examples=25)
@given(
    which=st.sampled_from(["news", "courses", "agreement"]),
    query=queries(
        {
            "page": PAGE_NUMBERS,
            "q": ["Wohnen", "Miete"],
            "topic": ["mieten-wohnen"],
            "status": [value for value, _label in ItemStatus.choices],
        }
    ),
)
def test_listing_pages_never_fail(client, site, which, query):
    assert_no_server_error(get(client, site[which].url, query))


FEEDS = [
    "/feeds/nachrichten/rss/",
    "/feeds/nachrichten/atom/",
    "/feeds/entscheidungen/rss/",
    "/feeds/entscheidungen/atom/",
    "/feeds/thema/{slug}/rss/",
    "/feeds/thema/{slug}/atom/",
    "/feeds/bezirk/{slug}/rss/",
    "/feeds/bezirk/{slug}/atom/",
    "/feeds/kalender.ics",
    "/feeds/kalender/bezirk/{slug}.ics",
    "/feeds/kalender/thema/{slug}.ics",
    "/sitemap.xml",
]


@given(
    feed=st.sampled_from(FEEDS),
    slug=st.one_of(
        st.sampled_from(["mieten-wohnen", "friedrichshain-kreuzberg"]),
        st.from_regex(r"\A[-a-zA-Z0-9_]{1,80}\Z"),
    ),
    query=queries({"page": PAGE_NUMBERS, "p": PAGE_NUMBERS, "limit": ["5", "x"]}),
)
def test_feeds_never_fail(client, site, feed, slug, query):
    assert_no_server_error(get(client, feed.format(slug=slug), query))


@given(
    path=st.sampled_from(
        [
            "/konto/anmelden/",
            "/konto/registrieren/",
            "/konto/passwort-vergessen/",
            "/abonnieren/",
            "/abonnieren/angefragt/",
            "/en/suche/",
            "/ar/abonnieren/",
        ]
    ),
    query=queries(
        {
            "next": ["/", "//evil.example", "javascript:alert(1)", "/admin/"],
            "kind": ["news", "briefing"],
            "topic": ["1", "x"],
            "district": ["1", "x"],
            "gespeichert": ["1"],
        }
    ),
)
def test_public_pages_with_parameters_never_fail(client, site, path, query):
    assert_no_server_error(get(client, path, query))


def _has_control_character(value: str) -> bool:
    return any(ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F for char in value)


@given(value=text_values())
def test_page_parameter_is_a_404_or_a_page(client, site, value):
    response = get(client, site["news"].url, {"page": value})
    if _has_control_character(value):
        assert response.status_code == 400  # core.middleware.ControlCharacterMiddleware
    else:
        assert response.status_code in (200, 404)


COORDINATOR_FILTERS = {
    "/admin/mitmachen-pool/": {
        "skills": ["grafik", "x"],
        "district": ["1", "x"],
        "language": ["de", "x"],
        "availability": ["evenings", "x"],
    },
    "/admin/kommentare/": {
        "status": ["pending", "published", "x"],
        "reported": BOOLEANS,
        "page_type": ["1", "x", "-1"],
        "page": PAGE_NUMBERS,
    },
    "/admin/neue-mitglieder/": {"district": ["1", "x"], "page": PAGE_NUMBERS},
    "/admin/neue-mitglieder/bezirke/": {"period": ["30", "90", "365", "x"]},
}


def test_the_coordinator_filter_pages_open(client, site, superuser):
    client.force_login(superuser)

    statuses = {path: client.get(path).status_code for path in COORDINATOR_FILTERS}

    assert set(statuses.values()) == {200}, statuses


@hypothesis_settings(max_examples=25)
@given(path=st.sampled_from(sorted(COORDINATOR_FILTERS)), data=st.data())
def test_coordinator_filters_never_fail(client, site, superuser, path, data):
    client.force_login(superuser)
    query = data.draw(queries(COORDINATOR_FILTERS[path]), label="query")
    assert_no_server_error(get(client, path, query))
