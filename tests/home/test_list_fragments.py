"""The home page's sections and the calendar are cached as fragments: per
audience, and dropped when a page is published."""

import pytest
from wagtail.models import PageViewRestriction

from dialog.factories import EventPageFactory
from tests.utils import in_days


@pytest.fixture
def members_event(event_index, members_group):
    event = EventPageFactory(
        parent=event_index, title="Basiskonferenz nur für Mitglieder", start=in_days(2)
    )
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members_group)
    return event


@pytest.fixture
def public_event(event_index):
    return EventPageFactory(
        parent=event_index, title="Stammtisch für alle", start=in_days(3)
    )


def publish_new_event(event_index, django_capture_on_commit_callbacks, title):
    event = EventPageFactory(parent=event_index, title=title, start=in_days(1))
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    return event


@pytest.mark.parametrize("url", ["home", "calendar"])
def test_a_visitor_after_a_member_does_not_see_members_only_events(
    client, home_page, event_index, members_event, public_event, member_user, url
):
    path = home_page.url if url == "home" else event_index.url
    client.force_login(member_user)
    assert members_event.title in client.get(path).content.decode()
    client.logout()

    html = client.get(path).content.decode()

    assert public_event.title in html
    assert members_event.title not in html


@pytest.mark.parametrize("url", ["home", "calendar"])
def test_a_member_after_a_visitor_sees_members_only_events(
    client, home_page, event_index, members_event, public_event, member_user, url
):
    path = home_page.url if url == "home" else event_index.url
    assert members_event.title not in client.get(path).content.decode()
    client.force_login(member_user)

    html = client.get(path).content.decode()

    assert members_event.title in html


@pytest.mark.parametrize("url", ["home", "calendar"])
def test_a_published_event_shows_at_once(
    client,
    home_page,
    event_index,
    public_event,
    django_capture_on_commit_callbacks,
    url,
):
    path = home_page.url if url == "home" else event_index.url
    assert public_event.title in client.get(path).content.decode()

    event = publish_new_event(
        event_index, django_capture_on_commit_callbacks, "Kiezspaziergang"
    )

    assert event.title in client.get(path).content.decode()


def test_each_filter_gets_its_own_cached_calendar(client, event_index, public_event):
    other = EventPageFactory(
        parent=event_index,
        title="Radtour an der Spree",
        kind="bike_tour",
        start=in_days(4),
    )
    assert other.title in client.get(event_index.url).content.decode()

    html = client.get(event_index.url, {"kind": "stammtisch"}).content.decode()

    assert public_event.title in html
    assert other.title not in html


def test_a_page_number_that_does_not_exist_is_still_not_found(
    client, event_index, public_event
):
    assert client.get(event_index.url, {"page": 1}).status_code == 200

    assert client.get(event_index.url, {"page": 99}).status_code == 404
