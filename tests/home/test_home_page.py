"""The home page shows the next events, the latest news and the featured briefing."""

import datetime

import pytest
import wagtail_factories
from django.utils import timezone

from dialog.factories import EventPageFactory
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory
from tests.utils import in_days, page_text


def test_home_page_shows_title_and_lead(client, home_page):
    html = page_text(client, home_page.url)

    assert home_page.title in html
    assert "Mitreden, mitentscheiden, mitmachen" in html


def test_home_page_is_served_at_the_site_root(client, home_page):
    assert home_page.url == "/"
    assert client.get("/").status_code == 200


def test_home_page_lists_the_next_events(client, home_page, event_index):
    EventPageFactory(
        parent=event_index, title="Neumitgliedertreffen Mai", start=in_days(2)
    )
    EventPageFactory(parent=event_index, title="Sommerfest im Park", start=in_days(9))

    html = page_text(client, home_page.url)

    assert "Neumitgliedertreffen Mai" in html
    assert "Sommerfest im Park" in html


def test_home_page_lists_the_next_events_soonest_first(client, home_page, event_index):
    EventPageFactory(parent=event_index, title="Später", start=in_days(9))
    EventPageFactory(parent=event_index, title="Früher", start=in_days(2))

    html = page_text(client, home_page.url)

    assert html.index("Früher") < html.index("Später")


def test_home_page_does_not_list_past_events(client, home_page, event_index):
    EventPageFactory(parent=event_index, title="Längst vorbei", start=in_days(-30))

    assert "Längst vorbei" not in page_text(client, home_page.url)


def test_home_page_lists_at_most_six_events(client, home_page, event_index):
    for days in range(1, 9):
        EventPageFactory(
            parent=event_index, title=f"Termin Nummer {days}", start=in_days(days)
        )

    html = page_text(client, home_page.url)

    assert "Termin Nummer 6" in html
    assert "Termin Nummer 7" not in html


def test_home_page_lists_the_latest_news(client, home_page, news_index):
    NewsArticlePageFactory(
        parent=news_index,
        title="Mietendeckel jetzt",
        date=timezone.localdate() - datetime.timedelta(days=1),
    )

    assert "Mietendeckel jetzt" in page_text(client, home_page.url)


def test_home_page_lists_the_latest_news_newest_first(client, home_page, news_index):
    today = timezone.localdate()
    NewsArticlePageFactory(
        parent=news_index,
        title="Gestrige Meldung",
        date=today - datetime.timedelta(days=1),
    )
    NewsArticlePageFactory(parent=news_index, title="Heutige Meldung", date=today)

    html = page_text(client, home_page.url)

    assert html.index("Heutige Meldung") < html.index("Gestrige Meldung")


def test_home_page_features_the_chosen_briefing(client, home_page, news_index):
    briefing = DecisionBriefingPageFactory(
        parent=news_index,
        title="Landesparteitag: Leitantrag Mitmachpartei",
        summary="Der Parteitag stimmt über den Leitantrag ab.",
    )
    home_page.featured_briefing = briefing
    home_page.save_revision().publish()

    html = page_text(client, home_page.url)

    assert "Landesparteitag: Leitantrag Mitmachpartei" in html
    assert "Der Parteitag stimmt über den Leitantrag ab." in html
    assert briefing.url in html


def test_home_page_does_not_feature_an_unpublished_briefing(
    client, home_page, news_index
):
    briefing = DecisionBriefingPageFactory(
        parent=news_index, title="Zurückgezogener Entwurf"
    )
    home_page.featured_briefing = briefing
    home_page.save_revision().publish()
    briefing.unpublish()

    response = client.get(home_page.url)

    assert not response.context["featured_briefing"]
    assert "Zurückgezogener Entwurf" not in response.content.decode()


def test_home_page_renders_without_any_content_below_it(client, home_page):
    assert client.get(home_page.url).status_code == 200


def test_home_page_shows_its_hero_image(client, db):
    from home.factories import site_with_home

    home = site_with_home(hero_image=wagtail_factories.ImageFactory())

    html = page_text(client, home.url)

    assert 'fetchpriority="high"' in html
    assert "/media/images/" in html


@pytest.mark.parametrize(
    "block",
    [
        {"type": "heading", "value": {"text": "Mach mit!", "level": "h2"}},
        {"type": "paragraph", "value": "<p>Mach mit!</p>"},
        {"type": "quote", "value": {"text": "Mach mit!", "attribution": "Rosa"}},
        {
            "type": "call_to_action",
            "value": {"text": "Mach mit!", "url": "https://example.org"},
        },
        {
            "type": "external_media",
            "value": {
                "url": "https://www.youtube.com/watch?v=abc",
                "title": "Mach mit!",
            },
        },
    ],
    ids=lambda block: block["type"],
)
def test_home_page_body_renders_each_block(client, db, block):
    from home.factories import site_with_home

    home = site_with_home(body=[block])

    assert "Mach mit!" in page_text(client, home.url)
