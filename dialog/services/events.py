import re

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from icalendar import Calendar, Event

from ..models import EventPage, same_weekday_next_month


def event_to_ical(*, event: EventPage, url: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Mitmachportal//DE")
    calendar.add("version", "2.0")
    entry = Event()
    entry.add("uid", f"event-{event.pk}@mitmachportal")
    entry.add("dtstamp", timezone.now())
    entry.add("dtstart", event.start)
    entry.add("dtend", event.end)
    entry.add("summary", event.title)
    entry.add("description", event.teaser)
    entry.add("url", url)
    if event.venue_id:
        entry.add("location", f"{event.venue.name}, {event.venue.address}")
    elif event.online_link:
        entry.add("location", event.online_link)
    calendar.add_component(entry)
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
