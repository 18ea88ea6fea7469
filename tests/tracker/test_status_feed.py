"""Status changes appear in an RSS and an Atom feed per agreement."""

import datetime

import feedparser

from core.services import page_members_only_set
from tracker.models import ItemStatus
from tracker.services.agreements import status_update_create


def test_rss_feed_lists_status_changes_newest_first(
    client, agreement, rent_item, tram_item
):
    status_update_create(
        item=rent_item,
        date=datetime.date(2026, 11, 20),
        status=ItemStatus.IMPLEMENTED,
        progress=100,
        note="Gesetz beschlossen.",
    )

    response = client.get(agreement.url + "aenderungen/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    parsed = feedparser.parse(response.content)
    assert len(parsed.entries) == 3
    assert parsed.entries[0].title.startswith(
        "1.1 Mietendeckel für landeseigene Wohnungen"
    )
    assert "Gesetz beschlossen." in parsed.entries[0].description
    assert parsed.entries[0].link.endswith("/kapitel/1/punkt/1/")


def test_atom_feed_is_atom(client, agreement, rent_item):
    response = client.get(agreement.url + "aenderungen/atom/")

    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert parsed.version == "atom10"
    assert len(parsed.entries) == 1


def test_restricted_agreement_has_no_feed(client, agreement, rent_item, members_group):
    page_members_only_set(page=agreement, members_only=True)

    response = client.get(agreement.url + "aenderungen/rss/")

    assert response.status_code in (302, 404)
    assert b"Mietendeckel" not in response.content
