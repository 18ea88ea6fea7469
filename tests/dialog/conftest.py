"""Events that differ in one filterable property each."""

import pytest

from dialog.factories import EventPageFactory, VenueFactory
from dialog.models import EventFormat, EventPage
from home.factories import TopicFactory
from tests.utils import in_days


@pytest.fixture
def topic(db):
    return TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")


@pytest.fixture
def calendar_events(event_index, district, other_district, topic):
    """Four upcoming events differing in one filterable property each, one past one."""
    stammtisch = EventPageFactory(
        parent=event_index,
        title="Roter Stammtisch",
        kind=EventPage.Kind.STAMMTISCH,
        start=in_days(3),
        venue=VenueFactory(district=district, step_free=False),
    )
    conference = EventPageFactory(
        parent=event_index,
        title="Basiskonferenz Ost",
        kind=EventPage.Kind.BASE_CONFERENCE,
        start=in_days(10),
        district=other_district,
        childcare_offered=True,
        venue=VenueFactory(step_free=True, child_friendly=True),
    )
    council = EventPageFactory(
        parent=event_index,
        title="Themenrat Mieten online",
        kind=EventPage.Kind.THEMATIC_COUNCIL,
        start=in_days(20),
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link="https://meet.example.org/themenrat",
        for_young_members=True,
    )
    council.topics.set([topic])
    council.save_revision().publish()
    tour = EventPageFactory(
        parent=event_index,
        title="Fahrradtour Tempelhof",
        kind=EventPage.Kind.BIKE_TOUR,
        start=in_days(30, hour=11),
        event_format=EventFormat.HYBRID,
        online_link="https://stream.example.org/tour",
        venue=VenueFactory(step_free=False, child_friendly=False),
    )
    EventPageFactory(
        parent=event_index,
        title="Vergangenes Treffen",
        kind=EventPage.Kind.STAMMTISCH,
        start=in_days(-7),
        venue=VenueFactory(district=district, step_free=True, child_friendly=True),
        childcare_offered=True,
        for_young_members=True,
    )
    return {
        "stammtisch": stammtisch,
        "conference": conference,
        "council": council,
        "tour": tour,
    }
