"""The sitemap lists public pages for search engines; robots.txt points to it."""

from xml.etree import ElementTree

from dialog.factories import EventPageFactory
from news.factories import NewsArticlePageFactory

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


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


def test_sitemap_leaves_out_members_only_briefings(
    client, public_briefing, members_briefing
):
    xml = client.get("/sitemap.xml").content.decode()

    assert public_briefing.full_url in xml
    assert members_briefing.full_url not in xml


def test_sitemap_parses_as_xml_with_absolute_addresses(client, public_briefing):
    root = ElementTree.fromstring(client.get("/sitemap.xml").content)

    locations = [loc.text for loc in root.iter(f"{SITEMAP_NS}loc")]
    assert public_briefing.full_url in locations
    assert all(location.startswith("http") for location in locations)


def test_robots_txt_is_plain_text(client, home_page):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")


def test_robots_txt_keeps_crawlers_out_of_accounts_and_forms(client, home_page):
    lines = client.get("/robots.txt").content.decode().splitlines()

    for path in ["/admin/", "/konto/", "/mitmachen/", "/abonnieren/"]:
        assert f"Disallow: {path}" in lines
    assert "Allow: /" in lines


def test_robots_txt_names_the_sitemap_by_its_absolute_address(client, home_page):
    lines = client.get("/robots.txt").content.decode().splitlines()

    assert "Sitemap: http://testserver/sitemap.xml" in lines
