"""Reads of the education app."""

from django.db.models import F, Min

from core.selectors import in_language, visible_to
from home.selectors import on_topic_q

from .models import CoursePage


def courses_on(*, topic, limit, user=None, locale=None):
    """Live courses on ``topic`` that ``user`` may see, the soonest first."""
    courses = visible_to(CoursePage.objects.live(), user).filter(on_topic_q(topic))
    if locale is not None:
        courses = in_language(courses, locale)
    return (
        courses.distinct()
        .annotate(first_start=Min("sessions__start"))
        .prefetch_related("topics", "sessions")
        .order_by(F("first_start").asc(nulls_last=True), "title")[:limit]
    )
