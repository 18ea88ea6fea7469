from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from registrations.models import RegistrationMode

from ..models.schedules import EventFormat, same_weekday_next_month

if TYPE_CHECKING:  # the event page calls these: a real import would be a circle
    from ..models.events import EventPage

PRODID = "-//Mitmachportal//DE"


def event_ical_description(event: EventPage, *, video_link: str = "") -> str:
    """The text of a calendar entry: teaser, childcare, access and family features.

    Parents and disabled people decide from their calendar whether they can
    come, so what the venue offers travels with the entry (in the active
    language: German unless the reader chose another). ``video_link`` only
    where ``dialog.selectors.online_link_for`` gave it to the reader.
    """
    lines = [event.teaser]
    if event.childcare_offered:
        lines.append(_("Childcare is offered; please register your children."))
    else:
        lines.append(_("No childcare is offered."))
    venue = event.venue if event.event_format != EventFormat.ONLINE else None
    if venue is not None:
        access = ", ".join(str(feature) for feature in venue.access_features)
        lines.append(
            _("Accessibility: %(features)s.") % {"features": access}
            if access
            else _("No step-free access known. Please ask us.")
        )
        if venue.accessibility_notes:
            lines.append(venue.accessibility_notes)
        if family := ", ".join(str(feature) for feature in venue.family_features):
            lines.append(_("For families: %(features)s.") % {"features": family})
        if venue.public_transport:
            lines.append(
                _("Public transport: %(stops)s.") % {"stops": venue.public_transport}
            )
    if event.event_format != EventFormat.ONSITE:
        lines.append(_("Online participation is possible."))
    if video_link:
        lines.append(_("Video link: %(link)s") % {"link": video_link})
    return "\n\n".join(str(line) for line in lines if line)


def ical_location(item, *, page, url: str, video_link: str) -> str:
    """LOCATION of an event or course session: the venue, else for online items
    the video link where the reader may see it, else where the link is found.

    ``page`` holds the registrations (the event, a session's course).
    """
    if item.venue_id and item.event_format != EventFormat.ONLINE:
        return f"{item.venue.name}, {item.venue.address}"
    if item.event_format == EventFormat.ONSITE:
        return ""
    if video_link:
        return video_link
    if page.registration_mode == RegistrationMode.NONE:
        return _("Online – video link on the event page: %(url)s") % {"url": url}
    return _("Online – video link after registration: %(url)s") % {"url": url}


def _ical_entry(event: EventPage, url: str, video_link: str) -> Event:
    entry = Event()
    entry.add("uid", f"event-{event.pk}@mitmachportal")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(event.start))
    entry.add("dtend", timezone.localtime(event.end))
    entry.add("summary", event.title)
    description = event_ical_description(event, video_link=video_link)
    entry.add("description", f"{description}\n\n{url}")
    entry.add("url", url)
    if location := ical_location(event, page=event, url=url, video_link=video_link):
        entry.add("location", location)
    for topic in event.topics.all():
        entry.add("categories", topic.name)
    return entry


def _calendar(name: str = "") -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    if name:
        calendar.add("x-wr-calname", name)
        calendar.add("x-wr-timezone", settings.TIME_ZONE)
        calendar.add(
            "refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"}
        )
        calendar.add("x-published-ttl", "PT6H")
    return calendar


def event_to_ical(*, event: EventPage, url: str, video_link: str = "") -> bytes:
    """One event as an iCalendar file (the event page's "add to calendar", the
    confirmation mail); ``video_link`` as ``online_link_for`` gave it."""
    calendar = _calendar()
    calendar.add_component(_ical_entry(event, url, video_link))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_to_ical(
    *,
    events: Iterable[EventPage],
    url_for: Callable[[EventPage], str],
    link_for: Callable[[EventPage], str],
    name: str,
) -> bytes:
    """A subscribable calendar of ``events``; ``url_for`` gives each page's
    address, ``link_for`` the video link its readers may see (or ``""``)."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_ical_entry(event, url_for(event), link_for(event)))
    calendar.add_missing_timezones()
    return calendar.to_ical()


@transaction.atomic
def event_copy_to_next_month(*, event: EventPage, user=None) -> EventPage:
    """Copy a recurring event (the monthly new-member meeting) as next month's draft.

    The copy keeps venue, kind, texts and topics, moves start and end to the same
    weekday of the next month and drops the documented results. It is a draft so
    that an editor checks it before publishing.
    """
    start = same_weekday_next_month(event.start)
    end = start + (event.end - event.start)
    base = re.sub(r"-\d{4}-\d{2}$", "", event.slug)
    slug = _free_slug(event, slugify(f"{base}-{start:%Y-%m}"))
    copy = event.copy(
        recursive=False,
        to=event.get_parent(),
        update_attrs={
            "start": start,
            "end": end,
            "slug": slug,
            "results": [],
            "live": False,
            "has_unpublished_changes": True,
        },
        keep_live=False,
        user=user,
        log_action="wagtail.copy",
        reset_translation_key=True,
    )
    copy.save_revision(user=user, log_action=False)
    return copy


def _free_slug(event, slug):
    siblings = event.get_parent().get_children()
    candidate, number = slug, 2
    while siblings.filter(slug=candidate).exists():
        candidate, number = f"{slug}-{number}", number + 1
    return candidate
