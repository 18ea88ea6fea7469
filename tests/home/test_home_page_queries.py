"""The home page's query count does not grow with the amount of content."""

import pytest
import wagtail_factories

from dialog.factories import EventPageFactory, VenueFactory
from news.factories import DecisionBriefingPageFactory, NewsArticlePageFactory
from tests.utils import in_days

# 23: the <head> asks once whether the page is under a view restriction
# (members-only pages get noindex and no structured data).
QUERY_BUDGET = 24  # +1 since the language switcher looks up translations


@pytest.fixture
def busy_site(home_page, event_index, news_index, district, other_district):
    """``count`` events, a fifth as many illustrated articles, a featured briefing."""

    def create(count):
        venues = [VenueFactory(district=district), VenueFactory(step_free=True)]
        for number in range(count):
            EventPageFactory(
                parent=event_index,
                start=in_days(1 + number % 30),
                venue=venues[number % 2],
                district=[district, other_district, None][number % 3],
                childcare_offered=number % 2 == 0,
            )
        for _number in range(count // 5):
            NewsArticlePageFactory(
                parent=news_index,
                district=district,
                listing_image=wagtail_factories.ImageFactory(),
            )
        briefing = DecisionBriefingPageFactory(parent=news_index)
        home_page.featured_briefing = briefing
        home_page.hero_image = wagtail_factories.ImageFactory()
        home_page.save_revision().publish()

    return create


@pytest.mark.parametrize("count", [10, 100])
def test_home_page_stays_within_its_query_budget(
    client, home_page, busy_site, django_assert_max_num_queries, count
):
    busy_site(count)
    # The first visit generates image renditions; the budget is for every visit after.
    assert client.get(home_page.url).status_code == 200

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(home_page.url)

    assert response.status_code == 200
    assert "featured_briefing" in response.context


@pytest.mark.parametrize("count", [10, 100])
def test_district_page_stays_within_its_query_budget(
    client, district, busy_site, django_assert_max_num_queries, count
):
    busy_site(count)
    assert client.get(district.url).status_code == 200

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(district.url)

    assert response.status_code == 200
