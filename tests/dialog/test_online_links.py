"""An event's video link reaches only those allowed to take part.

Rule (``dialog.selectors.online_links``): a public event without registration
shows its link to everyone; with registration only to people with a confirmed
registration (members-only: verified members) and to staff who edit it. Every
other surface (public feeds, JSON calendar, API, search, sitemap, notification
mails) names the event page instead.
"""

import io
import json

import icalendar
import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageViewRestriction

from dialog.factories import EventPageFactory, VenueFactory
from dialog.models import EventFormat, EventPage
from home.factories import TopicFactory
from news.factories import SubscriptionFactory
from registrations.factories import RegistrationFactory
from registrations.models import Registration, RegistrationMode
from registrations.services import (
    Guest,
    registration_confirm_guest,
    registration_create,
    registrations_remind,
)
from subscriptions.models import Frequency
from tests.utils import in_days

pytestmark = pytest.mark.django_db

LINK = "https://meet.example.org/schulung-intern-7f3a"
ROLES = ("anonymous", "member", "registered", "staff")
ALLOWED = {"registered", "staff"}


@pytest.fixture
def topic(db):
    return TopicFactory(name="Bildung", slug="bildung")


@pytest.fixture
def members_event(event_index, district, topic):
    """An online training whose registration is for members only."""
    event = EventPageFactory(
        parent=event_index,
        title="Online-Schulung Moderation",
        kind=EventPage.Kind.OTHER,
        start=in_days(5),
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link=LINK,
        registration_mode=RegistrationMode.MEMBERS,
        district=district,
    )
    event.topics.set([topic])
    event.save_revision().publish()
    return event


@pytest.fixture
def registered_member(make_user, members_group, members_event):
    user = make_user("clara", groups=[members_group])
    RegistrationFactory(page=members_event, user=user, name="", email="")
    return user


@pytest.fixture
def as_role(client, member_user, registered_member, state_office_user):
    """The test client logged in as one of ``ROLES``."""

    def login(role):
        user = {
            "anonymous": None,
            "member": member_user,
            "registered": registered_member,
            "staff": state_office_user,
        }[role]
        if user is not None:
            client.force_login(user)
        return client

    return login


def ics_text(content):
    """Every property of every entry, unfolded (long lines are folded in .ics)."""
    calendar = icalendar.Calendar.from_ical(content)
    return "\n".join(
        f"{name}:{value}"
        for entry in calendar.walk("VEVENT")
        for name, value in entry.property_items(recursive=False)
    )


def ics_entry(content, title):
    calendar = icalendar.Calendar.from_ical(content)
    (entry,) = [e for e in calendar.walk("VEVENT") if str(e["summary"]) == title]
    return entry


# -- the event page and its own calendar file ---------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_event_page_shows_the_video_link_only_to_participants_and_staff(
    as_role, members_event, role
):
    response = as_role(role).get(members_event.url)

    assert response.status_code == 200
    assert (LINK in response.text) is (role in ALLOWED)


@pytest.mark.parametrize("role", ("anonymous", "member"))
def test_event_page_says_the_link_comes_with_the_confirmation(
    as_role, members_event, role
):
    html = as_role(role).get(members_event.url).text

    assert "Den Videolink bekommst du mit der Bestätigung deiner Anmeldung." in html


@pytest.mark.parametrize("role", ROLES)
def test_event_calendar_file_gives_the_link_only_to_participants_and_staff(
    as_role, members_event, role
):
    response = as_role(role).get(members_event.ical_url())
    entry = ics_entry(response.content, "Online-Schulung Moderation")

    assert response.status_code == 200
    assert (LINK in ics_text(response.content)) is (role in ALLOWED)
    if role not in ALLOWED:
        assert members_event.full_url in str(entry["location"])


@pytest.mark.parametrize(
    "status",
    [
        Registration.Status.WAITING,
        Registration.Status.UNCONFIRMED,
        Registration.Status.OFFERED,
        Registration.Status.CANCELLED,
    ],
)
def test_a_registration_that_is_not_confirmed_shows_no_link(
    client, make_user, members_group, members_event, status
):
    user = make_user("karl", groups=[members_group])
    RegistrationFactory(
        page=members_event,
        user=user,
        name="",
        email="",
        status=status,
        queued_at=timezone.now(),
    )
    client.force_login(user)

    assert LINK not in client.get(members_event.url).text
    assert LINK not in ics_text(client.get(members_event.ical_url()).content)


def test_a_former_member_keeps_no_link_of_a_members_only_event(
    client, registered_member, members_group, members_event
):
    registered_member.groups.remove(members_group)
    client.force_login(registered_member)

    assert LINK not in client.get(members_event.url).text


def test_registered_guest_account_of_an_open_event_sees_the_link(
    client, event_index, non_member_user
):
    event = EventPageFactory(
        parent=event_index,
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link=LINK,
        registration_mode=RegistrationMode.OPEN,
    )
    anonymous_html = client.get(event.url).text
    RegistrationFactory(page=event, user=non_member_user, name="", email="")
    client.force_login(non_member_user)

    assert LINK not in anonymous_html
    assert LINK in client.get(event.url).text


def test_public_event_without_registration_shows_its_link_to_everyone(
    client, event_index
):
    event = EventPageFactory(
        parent=event_index,
        title="Livestream Parteitag",
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link=LINK,
    )

    feed = client.get(reverse("dialog_feeds:feed_calendar")).content

    assert LINK in client.get(event.url).text
    assert LINK in ics_text(feed)


@pytest.fixture
def members_page_event(event_index, members_group):
    """No registration, but the page itself is for members only."""
    event = EventPageFactory(
        parent=event_index,
        event_format=EventFormat.HYBRID,
        venue=VenueFactory(),
        online_link=LINK,
    )
    restriction = PageViewRestriction.objects.create(
        page=event, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([members_group])
    return event


def test_members_page_without_registration_shows_the_link_to_members(
    client, members_page_event, member_user
):
    client.force_login(member_user)

    assert LINK in client.get(members_page_event.url).text
    assert LINK in ics_text(client.get(members_page_event.ical_url()).content)


def test_members_page_without_registration_keeps_the_link_from_others(
    client, members_page_event, non_member_user
):
    anonymous = client.get(members_page_event.ical_url())
    client.force_login(non_member_user)
    logged_in = client.get(members_page_event.url)

    assert LINK not in anonymous.content.decode()
    assert LINK not in logged_in.content.decode()


def test_onsite_event_shows_no_link_even_to_staff(
    client, event_index, state_office_user
):
    event = EventPageFactory(parent=event_index, online_link=LINK)
    client.force_login(state_office_user)

    assert LINK not in client.get(event.url).text


# -- public surfaces: the same for everyone -----------------------------------


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "feed", ["feed_calendar", "feed_calendar_district", "feed_calendar_topic"]
)
def test_public_calendar_feeds_name_the_page_instead_of_the_link(
    as_role, members_event, district, topic, role, feed
):
    args = {"feed_calendar_district": [district.slug]}.get(feed)
    args = {"feed_calendar_topic": [topic.slug]}.get(feed, args)

    response = as_role(role).get(reverse(f"dialog_feeds:{feed}", args=args))
    entry = ics_entry(response.content, "Online-Schulung Moderation")

    assert LINK not in ics_text(response.content)
    assert str(entry["location"]) == (
        f"Online – Videolink nach der Anmeldung: {members_event.full_url}"
    )


@pytest.mark.parametrize("role", ROLES)
def test_json_calendar_has_no_link(as_role, members_event, role):
    response = as_role(role).get("/api/v2/kalender/")
    items = json.loads(response.content)["items"]

    assert [item["title"] for item in items] == ["Online-Schulung Moderation"]
    assert LINK not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "params",
    [
        {"type": "dialog.EventPage", "fields": "*"},
        {"search": "Moderation", "fields": "*"},
    ],
    ids=["list", "search"],
)
def test_page_api_lists_have_no_link(as_role, members_event, role, params):
    response = as_role(role).get("/api/v2/pages/", params)

    assert response.status_code == 200
    assert LINK not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_page_api_detail_has_no_link(as_role, members_event, role):
    response = as_role(role).get(f"/api/v2/pages/{members_event.pk}/")

    assert response.json()["title"] == "Online-Schulung Moderation"
    assert LINK not in response.content.decode()


def test_page_api_refuses_to_give_the_link_as_a_field(client, members_event):
    response = client.get(
        "/api/v2/pages/", {"type": "dialog.EventPage", "fields": "online_link"}
    )

    assert response.status_code == 400
    assert LINK not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_search_results_have_no_link(as_role, members_event, role):
    html = as_role(role).get(reverse("search:search"), {"q": "Moderation"}).text

    assert "Online-Schulung Moderation" in html
    assert LINK not in html


@pytest.mark.parametrize("role", ROLES)
def test_sitemap_has_no_link(as_role, members_event, role):
    xml = as_role(role).get("/sitemap.xml").content.decode()

    assert members_event.full_url in xml
    assert LINK not in xml


# -- mails ----------------------------------------------------------------------


@pytest.fixture
def fresh_members_event(event_index):
    return EventPageFactory(
        parent=event_index,
        title="Online-Schulung Moderation",
        start=in_days(1),
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link=LINK,
        registration_mode=RegistrationMode.MEMBERS,
        capacity=1,
    )


def test_confirmation_mail_gives_the_registered_member_the_link(
    fresh_members_event, member_user, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(page=fresh_members_event, user=member_user)

    (message,) = mail.outbox
    assert LINK in message.body
    assert str(
        ics_entry(message.attachments[0][1], fresh_members_event.title)["location"]
    ) == (LINK)


def test_waiting_list_mail_has_no_link(
    fresh_members_event,
    member_user,
    make_user,
    members_group,
    django_capture_on_commit_callbacks,
):
    registration_create(page=fresh_members_event, user=member_user)
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(
            page=fresh_members_event, user=make_user("karl", groups=[members_group])
        )

    (message,) = mail.outbox
    assert message.subject.startswith("Du stehst auf der Warteliste")
    assert LINK not in message.body


def test_reminder_gives_the_registered_member_the_link(
    fresh_members_event, member_user, django_capture_on_commit_callbacks
):
    registration_create(page=fresh_members_event, user=member_user)

    with django_capture_on_commit_callbacks(execute=True):
        registrations_remind()

    (message,) = mail.outbox
    assert message.subject.startswith("Erinnerung:")
    assert LINK in message.body


def test_guest_gets_the_link_only_once_the_registration_is_confirmed(
    event_index, django_capture_on_commit_callbacks
):
    event = EventPageFactory(
        parent=event_index,
        title="Themenrat online",
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link=LINK,
        registration_mode=RegistrationMode.OPEN,
    )
    with django_capture_on_commit_callbacks(execute=True):
        registration, _new = registration_create(
            page=event, guest=Guest(name="Hanna", email="hanna@example.org")
        )
    with django_capture_on_commit_callbacks(execute=True):
        registration_confirm_guest(registration=registration)

    asking, confirmed = mail.outbox
    assert LINK not in asking.body
    assert LINK in confirmed.body
    assert LINK in ics_text(confirmed.attachments[0][1])


@pytest.mark.parametrize("frequency", [Frequency.IMMEDIATE, Frequency.DAILY])
def test_subscription_mails_about_a_new_event_have_no_link(
    event_index, django_capture_on_commit_callbacks, frequency
):
    SubscriptionFactory(
        subscriber__email="termine@example.org", kind="event", frequency=frequency
    )
    event = EventPageFactory(
        parent=event_index,
        title="Online-Schulung Moderation",
        live=False,
        event_format=EventFormat.ONLINE,
        venue=None,
        online_link=LINK,
        registration_mode=RegistrationMode.MEMBERS,
    )
    with django_capture_on_commit_callbacks(execute=True):
        event.save_revision().publish()
    call_command("send_digests", frequency="daily", stdout=io.StringIO())

    (message,) = mail.outbox
    assert "Online-Schulung Moderation" in message.body
    assert LINK not in message.body
    assert all(LINK not in str(content) for content, _type in message.alternatives)


# -- the page cache -------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 300


def test_page_cache_never_serves_the_link_to_a_visitor_after_a_member_saw_it(
    client, page_cache_on, members_event, registered_member
):
    client.get(members_event.url)  # a visitor fills the cache first
    client.force_login(registered_member)
    member_page = client.get(members_event.url)
    member_ics = client.get(members_event.ical_url())
    client.logout()
    client.cookies.clear()

    visitor_page = client.get(members_event.url)
    visitor_again = client.get(members_event.url)
    visitor_ics = client.get(members_event.ical_url())

    assert LINK in member_page.text
    assert LINK in ics_text(member_ics.content)
    assert "private" in member_page.headers["Cache-Control"]
    assert visitor_again.headers.get("X-Page-Cache") == "hit"
    assert LINK not in visitor_page.text
    assert LINK not in visitor_again.text
    assert LINK not in ics_text(visitor_ics.content)


def test_visitor_fragments_never_keep_a_members_render(
    client, page_cache_on, members_event, registered_member
):
    client.force_login(registered_member)
    client.get(members_event.url)
    client.get(members_event.ical_url())
    client.logout()
    client.cookies.clear()

    assert LINK not in client.get(members_event.url).text
    assert LINK not in ics_text(client.get(members_event.ical_url()).content)


def test_reminder_on_a_members_page_without_registration_goes_by_the_restriction(
    members_page_event, member_user, django_capture_on_commit_callbacks
):
    """Registrations kept after an editor switched registration off."""
    members_page_event.start = in_days(1)
    members_page_event.end = in_days(1, hour=21)
    members_page_event.save()
    RegistrationFactory(page=members_page_event, user=member_user, name="", email="")
    RegistrationFactory(page=members_page_event, email="gast@example.org")

    with django_capture_on_commit_callbacks(execute=True):
        registrations_remind()

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert LINK in bodies["rosa@example.org"]
    assert LINK not in bodies["gast@example.org"]
