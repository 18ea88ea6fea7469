"""The calendar's query count does not grow with the number of events."""

import pytest
import wagtail_factories

from dialog.factories import EventPageFactory, VenueFactory
from home.factories import TopicFactory
from tests.utils import in_days

QUERY_BUDGET = 22


@pytest.fixture
def many_events(event_index, district, other_district):
    """``count`` upcoming events spread over venues, districts and topics."""

    def create(count):
        topics = [TopicFactory() for _ in range(3)]
        venues = [
            VenueFactory(district=district),
            VenueFactory(district=other_district),
        ]
        for number in range(count):
            event = EventPageFactory(
                parent=event_index,
                start=in_days(1 + number % 60),
                venue=venues[number % 2],
                district=[district, other_district, None][number % 3],
                listing_image=wagtail_factories.ImageFactory() if number < 15 else None,
            )
            event.topics.set(topics[: number % 3 + 1])
            event.save()
        return topics

    return create


def warm_up(client, url, **params):
    """The first visit generates image renditions; budgets are for every visit after."""
    assert client.get(url, params).status_code == 200


@pytest.mark.parametrize("count", [10, 100])
def test_calendar_stays_within_its_query_budget(
    client, event_index, many_events, django_assert_max_num_queries, count
):
    many_events(count)
    warm_up(client, event_index.url)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(event_index.url)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 100])
def test_filtered_calendar_stays_within_its_query_budget(
    client, event_index, many_events, django_assert_max_num_queries, count
):
    topics = many_events(count)
    query = {
        "district": "friedrichshain-kreuzberg",
        "topic": topics[0].slug,
        "step_free": "on",
    }
    warm_up(client, event_index.url, **query)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(event_index.url, query)

    assert response.status_code == 200


@pytest.mark.parametrize("count", [10, 100])
def test_calendar_page_two_stays_within_its_query_budget(
    client, event_index, many_events, django_assert_max_num_queries, count
):
    many_events(count)
    warm_up(client, event_index.url)

    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(event_index.url, {"page": 1 if count == 10 else 2})

    assert response.status_code == 200
