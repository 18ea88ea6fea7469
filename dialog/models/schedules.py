"""Where and when: the format of events and course sessions, and their rules."""

from datetime import datetime, time, timedelta

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EventFormat(models.TextChoices):
    ONSITE = "onsite", _("On site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


def schedule_errors(item, *, end, venue, online_link):
    """Field errors of anything with start, end, format, venue and video link.

    Events and course sessions share the rules; each names itself in the messages.
    """
    errors = {}
    if item.start and item.end and item.end <= item.start:
        errors["end"] = end
    if (
        item.event_format in (EventFormat.ONSITE, EventFormat.HYBRID)
        and not item.venue_id
    ):
        errors["venue"] = venue
    if (
        item.event_format in (EventFormat.ONLINE, EventFormat.HYBRID)
        and not item.online_link
    ):
        errors["online_link"] = online_link
    return errors


def same_weekday_next_month(moment):
    """The same n-th weekday one month later (2nd Tuesday → 2nd Tuesday).

    A fifth weekday that the next month lacks becomes that month's last one.
    """
    local = timezone.localtime(moment)
    nth = (local.day - 1) // 7
    year, month = (
        (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    )
    first = local.replace(year=year, month=month, day=1)
    offset = (local.weekday() - first.weekday()) % 7
    day = 1 + offset + 7 * nth
    candidate = datetime(year, month, 1) + timedelta(days=day - 1)
    if candidate.month != month:
        candidate -= timedelta(days=7)
    naive = datetime.combine(candidate.date(), time(local.hour, local.minute))
    return timezone.make_aware(naive, timezone.get_current_timezone())
