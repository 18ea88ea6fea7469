"""Topic pages: ``/themen/`` lists the topics, ``/themen/<slug>/`` everything
filed under one (briefings, news, events, courses, forums), contributed by the
feature apps through the ``topic_page_sections`` hook."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from dialog.factories import EventPageFactory, ForumPageFactory
from education.factories import CoursePageFactory, CourseSessionFactory
from home.factories import TopicFactory
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory
from news.models import DecisionBriefingPage
from news.services import briefing_audience_sync

pytestmark = pytest.mark.django_db


def on(page, *topics):
    page.topics.set(topics)
    page.save_revision().publish()
    return page


@pytest.fixture
def wohnen(db):
    return TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")


@pytest.fixture
def pflege(db):
    return TopicFactory(name="Pflege", slug="pflege")


def topic_url(topic):
    return reverse("topics:detail", args=[topic.slug])


def test_index_lists_every_topic_as_a_link(client, home_page, wohnen, pflege):
    response = client.get("/themen/")

    assert response.status_code == 200
    assert f'href="/themen/{wohnen.slug}/"' in response.text
    assert f'href="/themen/{pflege.slug}/"' in response.text
    assert "Mieten &amp; Wohnen" in response.text


def test_topic_page_shows_what_is_filed_under_the_topic(
    client, home_page, news_index, event_index, course_index, wohnen, pflege
):
    on(DecisionBriefingPageFactory(parent=news_index, title="Mietendeckel"), wohnen)
    on(DecisionBriefingPageFactory(parent=news_index, title="Pflegenotstand"), pflege)
    on(NewsArticlePageFactory(parent=news_index, title="Neue Mieterberatung"), wohnen)
    on(EventPageFactory(parent=event_index, title="Mietertreff Wedding"), wohnen)
    on(EventPageFactory(parent=event_index, title="Pflegestammtisch"), pflege)
    course = on(CoursePageFactory(parent=course_index, title="Mietrecht"), wohnen)
    CourseSessionFactory(page=course)
    on(ForumPageFactory(parent=home_page, title="Wohnungsbau debattieren"), wohnen)

    response = client.get("/themen/mieten-wohnen/")

    assert response.status_code == 200
    text = response.text
    for title in (
        "Mietendeckel",
        "Neue Mieterberatung",
        "Mietertreff Wedding",
        "Mietrecht",
        "Wohnungsbau debattieren",
    ):
        assert title in text, title
    assert "Pflegenotstand" not in text
    assert "Pflegestammtisch" not in text


def test_members_only_briefing_shows_to_members_only(
    client, home_page, news_index, wohnen, member_user
):
    briefing = DecisionBriefingPageFactory(
        parent=news_index,
        title="Vertraulich: Sondierung Wohnen",
        audience=DecisionBriefingPage.Audience.MEMBERS,
    )
    on(briefing, wohnen)
    briefing_audience_sync(page=briefing)

    assert "Vertraulich: Sondierung Wohnen" not in client.get(topic_url(wohnen)).text

    client.force_login(member_user)
    assert "Vertraulich: Sondierung Wohnen" in client.get(topic_url(wohnen)).text


def test_topic_page_links_to_its_feeds_calendar_and_subscription(
    client, home_page, wohnen
):
    text = client.get(topic_url(wohnen)).text

    assert reverse("news:feed_topic_rss", args=[wohnen.slug]) in text
    assert reverse("news:feed_topic_atom", args=[wohnen.slug]) in text
    assert reverse("dialog_feeds:feed_calendar_topic", args=[wohnen.slug]) in text
    assert f"{reverse('subscriptions:subscription_subscribe')}?topic={wohnen.pk}" in (
        text
    )


def test_unknown_topic_is_the_normal_404_page(client, home_page):
    response = client.get("/themen/gibt-es-nicht/")

    assert response.status_code == 404
    assert "search-form" in response.text


def test_english_topic_page(client, home_page, news_index, wohnen):
    english = TopicFactory(
        name="Rent & Housing",
        slug="rent-housing",
        locale=Locale.objects.get_or_create(language_code="en")[0],
        translation_key=wohnen.translation_key,
    )
    on(DecisionBriefingPageFactory(parent=news_index, title="Mietendeckel"), wohnen)

    index = client.get("/en/themen/")
    page = client.get("/en/themen/rent-housing/")

    assert index.status_code == 200
    assert 'href="/en/themen/rent-housing/"' in index.text
    assert "Mieten &amp; Wohnen" not in index.text
    assert page.status_code == 200
    assert "Rent &amp; Housing" in page.text
    # The German briefing shows until it is translated.
    assert "Mietendeckel" in page.text
    # The subscription form offers the German topics.
    assert f"?topic={wohnen.pk}" in page.text
    assert english.pk != wohnen.pk


def test_topic_page_stays_within_its_query_budget(
    client,
    home_page,
    news_index,
    event_index,
    course_index,
    wohnen,
    django_assert_max_num_queries,
):
    for _ in range(3):
        on(DecisionBriefingPageFactory(parent=news_index), wohnen)
        on(NewsArticlePageFactory(parent=news_index), wohnen)
        on(EventPageFactory(parent=event_index), wohnen)
        course = on(CoursePageFactory(parent=course_index), wohnen)
        CourseSessionFactory(page=course)
        on(ForumPageFactory(parent=home_page), wohnen)
    client.get(topic_url(wohnen))  # warm the per-process caches

    with django_assert_max_num_queries(15):
        response = client.get(topic_url(wohnen))
    assert response.status_code == 200


def test_a_tag_on_a_briefing_links_to_its_topic_page(client, public_briefing, wohnen):
    on(public_briefing, wohnen)

    text = client.get(public_briefing.url).text

    assert '<a href="/themen/mieten-wohnen/">Mieten &amp; Wohnen</a>' in text


def test_a_tag_under_english_links_to_the_english_address(
    client, public_briefing, wohnen
):
    on(public_briefing, wohnen)

    with translation.override("en"):
        url = topic_url(wohnen)

    assert url == "/en/themen/mieten-wohnen/"
    assert f'href="{url}"' in client.get("/en" + public_briefing.url).text
