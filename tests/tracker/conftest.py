"""An agreement with two chapters, topics and items in different states."""

import datetime

import pytest

from home.factories import TopicFactory
from tracker.factories import (
    AgreementChapterFactory,
    AgreementItemFactory,
    CoalitionAgreementPageFactory,
    StatusUpdateFactory,
)
from tracker.models import ItemStatus


@pytest.fixture
def housing(db):
    return TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")


@pytest.fixture
def transport(db):
    return TopicFactory(name="Verkehr", slug="verkehr")


@pytest.fixture
def agreement(home_page):
    return CoalitionAgreementPageFactory(parent=home_page)


@pytest.fixture
def housing_chapter(agreement):
    return AgreementChapterFactory(agreement=agreement, number=1, title="Wohnen")


@pytest.fixture
def transport_chapter(agreement):
    return AgreementChapterFactory(agreement=agreement, number=2, title="Mobilität")


@pytest.fixture
def rent_item(housing_chapter, housing):
    item = AgreementItemFactory(
        chapter=housing_chapter,
        number=1,
        title="Mietendeckel für landeseigene Wohnungen",
        agreed_text="Die landeseigenen Wohnungsunternehmen erhöhen die Mieten nicht.",
    )
    item.topics.add(housing)
    StatusUpdateFactory(
        item=item,
        date=datetime.date(2026, 11, 1),
        status=ItemStatus.IN_PROGRESS,
        progress=40,
        note="Der Senat hat einen Entwurf vorgelegt.",
    )
    return item


@pytest.fixture
def building_item(housing_chapter, housing):
    item = AgreementItemFactory(
        chapter=housing_chapter, number=2, title="20.000 neue Sozialwohnungen"
    )
    item.topics.add(housing)
    StatusUpdateFactory(
        item=item,
        date=datetime.date(2026, 11, 2),
        status=ItemStatus.IMPLEMENTED,
        progress=100,
    )
    return item


@pytest.fixture
def tram_item(transport_chapter, transport):
    item = AgreementItemFactory(
        chapter=transport_chapter, number=1, title="Straßenbahn nach Mahlsdorf"
    )
    item.topics.add(transport)
    StatusUpdateFactory(
        item=item,
        date=datetime.date(2026, 11, 3),
        status=ItemStatus.STALLED,
        progress=10,
    )
    return item


@pytest.fixture
def items(rent_item, building_item, tram_item):
    return [rent_item, building_item, tram_item]
