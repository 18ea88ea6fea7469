"""schema.org data of courses (JSON-LD), registered through ``page_structured_data``."""

from django.utils import timezone

from dialog.metadata import SCHEMA, locations
from dialog.models import EventFormat

from .models import CoursePage

COURSE_MODES = {
    EventFormat.ONSITE: "Onsite",
    EventFormat.ONLINE: "Online",
    EventFormat.HYBRID: "Blended",
}


def course_page_data(page, request, organization):
    if not isinstance(page, CoursePage):
        return None
    url = page.get_full_url(request)
    instances = []
    for session in page.session_list:
        instance = {
            "@type": "CourseInstance",
            "name": session.title,
            "courseMode": COURSE_MODES[session.event_format],
            "startDate": timezone.localtime(session.start).isoformat(),
            "endDate": timezone.localtime(session.end).isoformat(),
        }
        if location := locations(session, url):
            instance["location"] = location[0] if len(location) == 1 else location
        instances.append(instance)
    data = {
        "@context": SCHEMA,
        "@type": "Course",
        "name": page.title,
        "description": page.teaser,
        "url": url,
        "provider": organization,
        "inLanguage": page.locale.language_code,
    }
    if instances:
        data["hasCourseInstance"] = instances
    return data
