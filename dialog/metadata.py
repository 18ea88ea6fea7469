"""schema.org data of events (JSON-LD), registered through ``page_structured_data``."""

from django.utils import timezone

from .models.events import EventPage
from .models.schedules import EventFormat

SCHEMA = "https://schema.org"

ATTENDANCE_MODES = {
    EventFormat.ONSITE: f"{SCHEMA}/OfflineEventAttendanceMode",
    EventFormat.ONLINE: f"{SCHEMA}/OnlineEventAttendanceMode",
    EventFormat.HYBRID: f"{SCHEMA}/MixedEventAttendanceMode",
}


def place_data(venue):
    return {
        "@type": "Place",
        "name": venue.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": venue.street,
            "postalCode": venue.postcode,
            "addressLocality": venue.city,
            "addressCountry": "DE",
        },
    }


def locations(item, url):
    """Place and/or virtual location; the video link stays on the page."""
    found = []
    if item.venue_id and item.event_format != EventFormat.ONLINE:
        found.append(place_data(item.venue))
    if item.event_format != EventFormat.ONSITE:
        found.append({"@type": "VirtualLocation", "url": url})
    return found


def event_page_data(page, request, organization):
    if not isinstance(page, EventPage):
        return None
    url = page.get_full_url(request)
    location = locations(page, url)
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": page.title,
        "description": page.teaser,
        "url": url,
        "startDate": timezone.localtime(page.start).isoformat(),
        "endDate": timezone.localtime(page.end).isoformat(),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": ATTENDANCE_MODES[page.event_format],
        "organizer": organization,
        "inLanguage": page.locale.language_code,
    }
    if location:
        data["location"] = location[0] if len(location) == 1 else location
    return data
