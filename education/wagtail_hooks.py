from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from icalendar import Calendar, Event
from wagtail import hooks

from dialog.selectors.online_links import online_links_for
from dialog.services.events import ical_location
from subscriptions.registry import NotifiableKind

from .metadata import course_page_data
from .models import COURSE_KIND, CoursePage
from .selectors import courses_on

hooks.register("page_structured_data", course_page_data)


@hooks.register("notifiable_page_kinds")
def course_notifiable_kinds():
    return [
        NotifiableKind(COURSE_KIND, _("Courses"), page_models=(CoursePage,), order=40)
    ]


@hooks.register("registration_calendar")
def course_registration_calendar(*, page, registration=None):
    """A course's sessions for the confirmation mail's calendar file.

    Video links only as far as ``registration`` may see them.
    """
    if not isinstance(page, CoursePage):
        return None
    url = page.get_full_url()
    calendar = Calendar()
    calendar.add("prodid", "-//Mitmachportal//DE")
    calendar.add("version", "2.0")
    for session, link in online_links_for(page=page, registration=registration):
        entry = Event()
        entry.add("uid", f"session-{session.pk}@mitmachportal")
        entry.add("dtstamp", timezone.now())
        entry.add("dtstart", session.start)
        entry.add("dtend", session.end)
        entry.add("summary", f"{page.title}: {session.title}")
        entry.add("url", url)
        if location := ical_location(session, page=page, url=url, video_link=link):
            entry.add("location", location)
        if link:
            entry.add("description", gettext("Video link: %(link)s") % {"link": link})
        calendar.add_component(entry)
    return calendar.to_ical()


@hooks.register("registration_online_links")
def course_registration_online_links(*, page, registration=None):
    """Video links of the sessions in registration mails."""
    if not isinstance(page, CoursePage):
        return None
    return online_links_for(page=page, registration=registration)


@hooks.register("topic_page_sections")
def topic_courses(request, topic, locale):
    return {
        "order": 40,
        "title": _("Courses"),
        "template": "education/includes/course_section.html",
        "items": courses_on(topic=topic, limit=6, user=request.user, locale=locale),
    }
