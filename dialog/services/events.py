import re
from collections.abc import Callable, Iterable
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from ..models import EventFormat, EventPage, same_weekday_next_month

PRODID = "-//Mitmachportal//DE"


def event_ical_description(event: EventPage) -> str:
    """The text of a calendar entry: teaser, childcare, access and family features.

    Parents and disabled people decide from their calendar whether they can
    come, so what the venue offers travels with the entry (in the active
    language: German unless the reader chose another).
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
    return "\n\n".join(str(line) for line in lines if line)


def _ical_entry(event: EventPage, url: str) -> Event:
    entry = Event()
    entry.add("uid", f"event-{event.pk}@mitmachportal")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", timezone.localtime(event.start))
    entry.add("dtend", timezone.localtime(event.end))
    entry.add("summary", event.title)
    entry.add("description", f"{event_ical_description(event)}\n\n{url}")
    entry.add("url", url)
    if event.venue_id and event.event_format != EventFormat.ONLINE:
        entry.add("location", f"{event.venue.name}, {event.venue.address}")
    elif event.online_link:
        entry.add("location", event.online_link)
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


def event_to_ical(*, event: EventPage, url: str) -> bytes:
    """One event as an iCalendar file (the event page's "add to calendar")."""
    calendar = _calendar()
    calendar.add_component(_ical_entry(event, url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def events_to_ical(
    *, events: Iterable[EventPage], url_for: Callable[[EventPage], str], name: str
) -> bytes:
    """A subscribable calendar of ``events``; ``url_for`` gives each page's address."""
    calendar = _calendar(name)
    for event in events:
        calendar.add_component(_ical_entry(event, url_for(event)))
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
