"""The sitemap lists public pages for search engines."""

from dialog.factories import EventPageFactory
from news.factories import NewsArticlePageFactory


def test_sitemap_lists_the_home_page(client, home_page):
    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    assert home_page.full_url in response.content.decode()


def test_sitemap_lists_public_articles_and_events(client, news_index, event_index):
    article = NewsArticlePageFactory(parent=news_index)
    event = EventPageFactory(parent=event_index)

    xml = client.get("/sitemap.xml").content.decode()

    assert article.full_url in xml
    assert event.full_url in xml


def test_sitemap_leaves_out_unpublished_pages(client, news_index):
    draft = NewsArticlePageFactory(parent=news_index)
    draft.unpublish()

    assert draft.full_url not in client.get("/sitemap.xml").content.decode()
