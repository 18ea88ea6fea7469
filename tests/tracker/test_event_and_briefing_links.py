"""Base conferences and briefings show the parts of the agreement they deal with."""

import pytest

from dialog.factories import EventIndexPageFactory, EventPageFactory
from dialog.models import EventPage


@pytest.fixture
def conference(home_page):
    return EventPageFactory(
        parent=EventIndexPageFactory(parent=home_page),
        title="Basiskonferenz Wohnen",
        kind=EventPage.Kind.BASE_CONFERENCE,
    )


def test_base_conference_lists_the_chapters_it_discusses(
    client, conference, housing_chapter, rent_item
):
    housing_chapter.events.add(conference)
    rent_item.events.add(conference)

    html = client.get(conference.url).content.decode()

    assert housing_chapter.get_url() in html
    assert rent_item.get_url() in html
    assert "In Arbeit" in html


def test_event_without_links_has_no_agreement_section(client, conference, rent_item):
    html = client.get(conference.url).content.decode()

    assert 'id="agreement-heading"' not in html


def test_briefing_names_the_items_it_touches(client, public_briefing, rent_item):
    rent_item.briefings.add(public_briefing)

    html = client.get(public_briefing.url).content.decode()

    assert rent_item.get_url() in html
    assert "Mietendeckel für landeseigene Wohnungen" in html


def test_links_to_an_unpublished_agreement_are_hidden(
    client, public_briefing, agreement, rent_item
):
    rent_item.briefings.add(public_briefing)
    agreement.unpublish()

    html = client.get(public_briefing.url).content.decode()

    assert "Mietendeckel" not in html


def test_previews_of_unsaved_pages_get_no_sections(rf, member_user):
    from home.models import collect_sections
    from news.models import DecisionBriefingPage

    request = rf.get("/")
    request.user = member_user

    assert collect_sections("event_page_sections", request, EventPage()) == []
    assert (
        collect_sections("briefing_page_sections", request, DecisionBriefingPage())
        == []
    )


def test_a_conference_reads_its_agreement_links_once_until_something_changes(
    client, conference, housing_chapter, rent_item, django_capture_on_commit_callbacks
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with django_capture_on_commit_callbacks(execute=True):
        housing_chapter.events.add(conference)
    client.get(conference.url)

    with CaptureQueriesContext(connection) as queries:
        html = client.get(conference.url).content.decode()

    assert housing_chapter.get_url() in html
    assert not [q for q in queries if "tracker_agreement" in q["sql"]]

    with django_capture_on_commit_callbacks(execute=True):
        rent_item.events.add(conference)

    assert rent_item.get_url() in client.get(conference.url).content.decode()
