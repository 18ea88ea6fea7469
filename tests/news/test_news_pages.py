"""The news index lists articles and briefings; an article renders with its image."""

import datetime

import pytest
import wagtail_factories
from django.utils import timezone

from home.factories import TopicFactory, paragraph
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory
from tests.utils import page_text


@pytest.fixture
def article(news_index, district):
    topic = TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")
    page = NewsArticlePageFactory(
        parent=news_index,
        title="Volksentscheid: 300.000 Unterschriften übergeben",
        teaser="Die Initiative hat genug Unterschriften gesammelt.",
        body=[
            {"type": "heading", "value": {"text": "Wie es weitergeht", "level": "h2"}},
            paragraph("Jetzt muss der Senat ein Gesetz vorlegen."),
            {
                "type": "quote",
                "value": {
                    "text": "Wohnen ist keine Ware.",
                    "attribution": "Initiative",
                },
            },
        ],
        image=wagtail_factories.ImageFactory(title="Übergabe vor dem Roten Rathaus"),
        district=district,
    )
    page.topics.set([topic])
    page.save_revision().publish()
    return page


def test_article_shows_title_teaser_and_body(client, article):
    html = page_text(client, article.url)

    assert "Volksentscheid: 300.000 Unterschriften übergeben" in html
    assert "Die Initiative hat genug Unterschriften gesammelt." in html
    assert "Jetzt muss der Senat ein Gesetz vorlegen." in html
    assert "Wohnen ist keine Ware." in html


def test_article_shows_its_image_as_a_rendition(client, article):
    html = page_text(client, article.url)

    assert "<img" in html
    assert "/media/images/" in html


def test_article_shows_its_topics_and_district(client, article, district):
    html = page_text(client, article.url)

    assert "Mieten &amp; Wohnen" in html
    assert district.url in html


def test_news_index_lists_articles_and_briefings(
    client, news_index, article, public_briefing
):
    html = page_text(client, news_index.url)

    assert article.title in html
    assert public_briefing.title in html


def test_news_index_lists_newest_first(client, news_index):
    now = timezone.now()
    for days_ago, title in [(3, "Alt"), (1, "Neu"), (2, "Mittel")]:
        page = NewsArticlePageFactory(parent=news_index, title=title)
        page.first_published_at = now - datetime.timedelta(days=days_ago)
        page.save(update_fields=["first_published_at"])

    response = client.get(news_index.url)

    assert [item.title for item in response.context["items"]] == [
        "Neu",
        "Mittel",
        "Alt",
    ]


def test_news_index_hides_unpublished_pages(client, news_index):
    draft = NewsArticlePageFactory(parent=news_index, title="Noch geheim")
    draft.unpublish()

    assert "Noch geheim" not in page_text(client, news_index.url)


def test_news_index_paginates(client, news_index, settings):
    settings.PORTAL_PAGE_SIZE = 3
    for _number in range(7):
        NewsArticlePageFactory(parent=news_index)

    response = client.get(news_index.url, {"page": 3})

    assert response.status_code == 200
    assert len(response.context["items"].object_list) == 1


def test_news_index_page_number_beyond_the_last_is_404(client, news_index, article):
    assert client.get(news_index.url, {"page": 5}).status_code == 404


def test_news_index_page_number_that_is_not_a_number_is_404(
    client, news_index, article
):
    assert client.get(news_index.url, {"page": "letzte"}).status_code == 404


def test_empty_news_index_renders(client, news_index):
    response = client.get(news_index.url)

    assert response.status_code == 200


def test_article_in_a_district_renders(client, district):
    article = NewsArticlePageFactory(
        parent=district, title="Kiezfest am Boxhagener Platz"
    )

    assert "Kiezfest am Boxhagener Platz" in page_text(client, article.url)


def test_briefing_card_shows_in_news_index_with_its_summary(client, news_index):
    DecisionBriefingPageFactory(
        parent=news_index, summary="Der Senat entscheidet über die S-Bahn."
    )

    assert "Der Senat entscheidet über die S-Bahn." in page_text(client, news_index.url)


def test_news_index_lists_a_back_dated_article_by_its_shown_date(client, news_index):
    newer = NewsArticlePageFactory(
        parent=news_index,
        title="Neuer Bericht",
        date=timezone.localdate(),
        first_published_at=timezone.now() - datetime.timedelta(days=1),
    )
    older = NewsArticlePageFactory(
        parent=news_index,
        title="Nachgetragener Bericht",
        date=timezone.localdate() - datetime.timedelta(days=30),
        first_published_at=timezone.now(),  # published after, shown as older
    )

    html = client.get(news_index.url).content.decode()

    assert html.index(newer.title) < html.index(older.title)
