"""The calendar's answer to members' onboarding: the next new-member meeting."""

from django.conf import settings
from django.db.models import Q
from wagtail import hooks

from core.selectors import public
from home.selectors import in_district_q

from ..models.events import EventPage


@hooks.register("onboarding_next_meeting")
def next_new_member_meeting(*, district, now):
    """``(title, start, url)`` of the district's next live, public new-member
    meeting (filed under the district or held at one of its venues), or ``None``."""
    meeting = (
        public(EventPage.objects.live())
        .filter(
            in_district_q(district) | Q(venue__district=district),
            kind=EventPage.Kind.NEW_MEMBER_MEETING,
            start__gte=now,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .order_by("start", "pk")
        .first()
    )
    if meeting is None:
        return None
    return meeting.title, meeting.start, meeting.get_full_url()
