"""RSS and Atom feeds carry public news and briefings, never members-only pages."""

import datetime

import feedparser
import pytest
from django.urls import reverse

from home.factories import TopicFactory
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory


def feed(client, name, *args):
    response = client.get(reverse(f"news:{name}", args=args))
    assert response.status_code == 200, response.status_code
    return response, feedparser.parse(response.content)


def titles(parsed):
    return [entry.title for entry in parsed.entries]


@pytest.fixture
def housing(db):
    return TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")


@pytest.fixture
def article(news_index, housing):
    page = NewsArticlePageFactory(
        parent=news_index,
        title="Mietendeckel jetzt",
        teaser="Wir sammeln Unterschriften.",
        date=datetime.date(2026, 11, 20),
    )
    page.topics.add(housing)
    page.save_revision().publish()
    return page


def test_news_rss_is_rss_2_with_the_article(client, article):
    response, parsed = feed(client, "feed_news_rss")

    assert response["Content-Type"].startswith("application/rss+xml")
    assert parsed.version == "rss20"
    assert titles(parsed) == ["Mietendeckel jetzt"]


def test_news_atom_is_atom_with_the_article(client, article):
    response, parsed = feed(client, "feed_news_atom")

    assert response["Content-Type"].startswith("application/atom+xml")
    assert parsed.version == "atom10"
    assert titles(parsed) == ["Mietendeckel jetzt"]


def test_feed_item_links_to_the_article_page(client, article):
    _response, parsed = feed(client, "feed_news_rss")

    assert parsed.entries[0].link == article.full_url


def test_feed_item_describes_with_the_teaser(client, article):
    _response, parsed = feed(client, "feed_news_atom")

    assert parsed.entries[0].summary == "Wir sammeln Unterschriften."


def test_feed_item_has_the_shown_date(client, article):
    _response, parsed = feed(client, "feed_news_rss")

    published = parsed.entries[0].published_parsed
    assert (published.tm_year, published.tm_mon, published.tm_mday) in {
        (2026, 11, 20),
        (2026, 11, 19),  # midnight in Berlin is the evening before in UTC
    }


def test_feed_item_has_its_topics_as_categories(client, article):
    _response, parsed = feed(client, "feed_news_rss")

    assert [tag.term for tag in parsed.entries[0].tags] == ["Mieten & Wohnen"]


def test_feed_item_has_a_stable_guid(client, article):
    _response, parsed = feed(client, "feed_news_rss")

    assert parsed.entries[0].id == f"urn:mitmachportal:page:{article.pk}"


def test_news_feed_lists_newest_first(client, news_index):
    for day, title in [(3, "Älter"), (10, "Neuer"), (1, "Am ältesten")]:
        NewsArticlePageFactory(
            parent=news_index, title=title, date=datetime.date(2026, 11, day)
        )

    _response, parsed = feed(client, "feed_news_rss")

    assert titles(parsed) == ["Neuer", "Älter", "Am ältesten"]


def test_news_feed_leaves_out_unpublished_articles(client, article, news_index):
    draft = NewsArticlePageFactory(parent=news_index, title="Noch nicht fertig")
    draft.unpublish()

    _response, parsed = feed(client, "feed_news_rss")

    assert "Noch nicht fertig" not in titles(parsed)


def test_news_feed_is_limited_to_thirty_items(client, news_index):
    for _number in range(32):
        NewsArticlePageFactory(parent=news_index)

    _response, parsed = feed(client, "feed_news_rss")

    assert len(parsed.entries) == 30


def test_briefing_feed_lists_public_briefings(client, public_briefing):
    _response, parsed = feed(client, "feed_briefings_rss")

    assert titles(parsed) == [public_briefing.title]
    assert parsed.entries[0].summary == public_briefing.summary


@pytest.mark.parametrize("name", ["feed_briefings_rss", "feed_briefings_atom"])
def test_briefing_feed_leaves_out_members_only_briefings(
    client, public_briefing, members_briefing, name
):
    response, parsed = feed(client, name)

    assert members_briefing.title not in titles(parsed)
    assert "Sondierungsgeheimnis" not in response.content.decode()


def test_briefing_feed_leaves_them_out_also_for_a_logged_in_member(
    client, member_user, members_briefing
):
    client.force_login(member_user)

    _response, parsed = feed(client, "feed_briefings_rss")

    assert parsed.entries == []


def test_topic_feed_lists_articles_and_briefings_of_the_topic(
    client, article, news_index, housing
):
    briefing = DecisionBriefingPageFactory(parent=news_index, title="Vorkaufsrecht")
    briefing.topics.add(housing)
    briefing.save_revision().publish()
    NewsArticlePageFactory(parent=news_index, title="Etwas anderes")

    _response, parsed = feed(client, "feed_topic_rss", "mieten-wohnen")

    assert set(titles(parsed)) == {"Mietendeckel jetzt", "Vorkaufsrecht"}
    assert "Mieten & Wohnen" in parsed.feed.title


def test_topic_feed_leaves_out_members_only_briefings(
    client, members_briefing, housing
):
    members_briefing.topics.add(housing)
    members_briefing.save_revision().publish()

    _response, parsed = feed(client, "feed_topic_atom", "mieten-wohnen")

    assert parsed.entries == []


@pytest.mark.parametrize("name", ["feed_topic_rss", "feed_topic_atom"])
def test_unknown_topic_feed_is_404(client, housing, name):
    response = client.get(reverse(f"news:{name}", args=["gibt-es-nicht"]))

    assert response.status_code == 404


def test_district_feed_lists_what_is_filed_under_the_district(
    client, news_index, district, other_district
):
    NewsArticlePageFactory(parent=news_index, title="Kreuzberg", district=district)
    NewsArticlePageFactory(parent=district, title="Unterm Bezirk")
    NewsArticlePageFactory(parent=news_index, title="Marzahn", district=other_district)

    _response, parsed = feed(client, "feed_district_rss", district.slug)

    assert set(titles(parsed)) == {"Kreuzberg", "Unterm Bezirk"}
    assert parsed.feed.link == district.full_url


@pytest.mark.parametrize("name", ["feed_district_rss", "feed_district_atom"])
def test_unknown_district_feed_is_404(client, district, name):
    response = client.get(reverse(f"news:{name}", args=["gibt-es-nicht"]))

    assert response.status_code == 404


def test_feed_has_a_german_title_and_language(client, article):
    _response, parsed = feed(client, "feed_news_rss")

    assert parsed.feed.title.endswith("Nachrichten")
    assert parsed.feed.language == "de"


@pytest.mark.parametrize(
    "name", ["feed_news_rss", "feed_news_atom", "feed_topic_rss", "feed_topic_atom"]
)
def test_feed_query_count_does_not_grow_with_items(
    client, news_index, housing, django_assert_max_num_queries, name
):
    def create(count):
        for _number in range(count):
            for factory in (NewsArticlePageFactory, DecisionBriefingPageFactory):
                page = factory(parent=news_index)
                page.topics.add(housing)
                page.save()

    args = ["mieten-wohnen"] if "topic" in name else []
    url = reverse(f"news:{name}", args=args)
    create(3)
    client.get(url)
    with django_assert_max_num_queries(15) as few:
        client.get(url)
    create(27)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)

    assert len(feedparser.parse(response.content).entries) == 30
