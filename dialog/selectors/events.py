from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone

from core.selectors import in_language, visible_to
from home.selectors import in_district_q, on_topic_q

from ..models.events import EventPage
from ..models.schedules import EventFormat

# Dates outside these hold no events; clamping keeps 9999-12-31 + 1 day and the
# time zone shift of 0001-01-01 from overflowing (found by fuzzing the API).
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2999, 12, 31)


def _within_range(day):
    return min(max(day, EARLIEST_DATE), LATEST_DATE)


def event_list(*, filters=None, user=None, locale=None):
    """Live events `user` may see from today on (or in the range), soonest first."""
    filters = filters or {}
    events = visible_to(EventPage.objects.live(), user)
    if locale is not None:
        events = in_language(events, locale)

    date_from = _within_range(filters.get("date_from") or timezone.localdate())
    events = events.filter(end__gte=_start_of(date_from))
    if date_to := filters.get("date_to"):
        date_to = _within_range(date_to)
        events = events.filter(start__lt=_start_of(date_to + timedelta(days=1)))
    if kinds := filters.get("kind"):
        events = events.filter(kind__in=kinds)
    if district := filters.get("district"):
        events = events.filter(in_district_q(district) | Q(venue__district=district))
    if topic := filters.get("topic"):
        events = events.filter(topics__translation_key=topic.translation_key)
    if filters.get("young"):
        events = events.filter(for_young_members=True)
    if event_format := filters.get("event_format"):
        events = events.filter(event_format=event_format)
    if filters.get("step_free"):
        events = events.filter(
            Q(venue__step_free=True) | Q(event_format=EventFormat.ONLINE)
        )
    if filters.get("childcare"):
        events = events.filter(childcare_offered=True)
    if filters.get("child_friendly"):
        events = events.filter(venue__child_friendly=True)

    return (
        events.select_related("venue__district", "district")
        .prefetch_related("topics")
        .order_by("start", "pk")
    )


def upcoming_events(*, limit, user=None, district=None, topic=None, locale=None):
    events = visible_to(EventPage.objects.live(), user).filter(end__gte=timezone.now())
    if locale is not None:
        events = in_language(events, locale)
    if district is not None:
        events = events.filter(in_district_q(district) | Q(venue__district=district))
    if topic is not None:
        events = events.filter(on_topic_q(topic)).distinct()
    return events.select_related("venue", "district").order_by("start", "pk")[:limit]


def _start_of(day):
    return timezone.make_aware(
        datetime.combine(day, time.min), timezone.get_current_timezone()
    )
