"""The city calendar for other programs: iCalendar feeds to subscribe to and JSON.

Both list only public events (``visible_to(..., None)``): a members-only base
conference never reaches a shared calendar or another website.
"""

from django.http import Http404, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from core.selectors import visible_to
from home.models import DistrictPage, Topic

from ..forms.calendar import CalendarFilterForm
from ..selectors.events import event_list
from ..selectors.online_links import online_link_for
from ..services.events import events_to_ical

FEED_LIMIT = 500
API_PAGE_SIZE = 20
API_PAGE_SIZE_MAX = 50


def _active_locale():
    try:
        return Locale.get_active()
    except Locale.DoesNotExist:
        return None


def _ical_response(request, *, filters, name, filename):
    events = event_list(filters=filters, locale=_active_locale())[:FEED_LIMIT]
    body = events_to_ical(
        events=events,
        url_for=lambda event: event.get_full_url(request),
        # Shared by everyone who subscribes: asked as nobody.
        link_for=lambda event: online_link_for(item=event),
        name=name,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


def calendar_ics(request):
    return _ical_response(
        request, filters={}, name=_("Berlin events"), filename="kalender"
    )


def district_calendar_ics(request, slug):
    districts = visible_to(DistrictPage.objects.live(), None).filter(slug=slug)
    if (locale := _active_locale()) is not None:
        districts = districts.filter(locale=locale)
    district = districts.first()
    if district is None:
        raise Http404(_("There is no district with this address."))
    return _ical_response(
        request,
        filters={"district": district},
        name=_("Events in %(district)s") % {"district": district.title},
        filename=f"kalender-{district.slug}",
    )


def topic_calendar_ics(request, slug):
    topics = Topic.objects.filter(slug=slug)
    if (locale := _active_locale()) is not None:
        topics = topics.filter(locale=locale)
    topic = topics.first()
    if topic is None:
        raise Http404(_("There is no topic with this address."))
    return _ical_response(
        request,
        filters={"topic": topic},
        name=_("Events on %(topic)s") % {"topic": topic.name},
        filename=f"kalender-{topic.slug}",
    )


# The JSON calendar's query parameters and the filter form fields they fill.
API_PARAMETERS = {
    "district": "district",
    "topic": "topic",
    "kind": "kind",
    "format": "event_format",
    "from": "date_from",
    "to": "date_to",
    "young": "young",
    "step_free": "step_free",
    "childcare": "childcare",
    "child_friendly": "child_friendly",
}


def calendar_json(request):
    """Upcoming public events as JSON for district websites and apps.

    Filters as in the calendar page (``?district=<slug>&topic=<slug>&kind=…&
    from=YYYY-MM-DD&to=YYYY-MM-DD``), pages of ``limit`` items from ``offset``.
    Bad input is a 400 with German messages naming the parameter.
    """
    locale = _active_locale()
    data = request.GET.copy()
    form_data = {
        field: data.getlist(param) if field == "kind" else data.get(param)
        for param, field in API_PARAMETERS.items()
        if param in data
    }
    form = CalendarFilterForm(form_data, locale=locale)
    errors = {}
    if not form.is_valid():
        fields = {field: param for param, field in API_PARAMETERS.items()}
        errors = {
            fields.get(field, field): [str(message) for message in messages]
            for field, messages in form.errors.items()
        }
    limit, offset = _number(data, "limit", API_PAGE_SIZE), _number(data, "offset", 0)
    if limit is None or not 1 <= limit <= API_PAGE_SIZE_MAX:
        errors["limit"] = [
            _("Give a whole number from 1 to %(max)s.") % {"max": API_PAGE_SIZE_MAX}
        ]
    if offset is None or offset < 0:
        errors["offset"] = [_("Give a whole number from 0.")]
    if errors:
        return _public(
            JsonResponse(
                {"message": _("Please check the filters."), "errors": errors},
                status=400,
                json_dumps_params={"ensure_ascii": False},
            )
        )

    events = event_list(filters=form.cleaned_data, locale=locale)
    total = events.count()
    # An offset past the end reads nothing (and SQLite refuses huge ones).
    page = list(events[offset : offset + limit]) if offset < total else []
    districts = list(DistrictPage.objects.only("pk", "path", "slug", "title"))
    return _public(
        JsonResponse(
            {
                "meta": {"total_count": total, "limit": limit, "offset": offset},
                "items": [_event_data(event, request, districts) for event in page],
            },
            json_dumps_params={"ensure_ascii": False},
        )
    )


def _public(response):
    """Other websites may read it from the browser: public content, no cookies."""
    response["Access-Control-Allow-Origin"] = "*"
    return response


def _number(data, name, default):
    try:
        return int(data.get(name, default))
    except (TypeError, ValueError):
        return None


def _district_of(event, districts):
    """The event's district: its district field, else the district page above it."""
    if event.district_id:
        return event.district
    return next(
        (
            district
            for district in districts
            if event.path.startswith(district.path) and event.path != district.path
        ),
        None,
    )


def _event_data(event, request, districts):
    url = event.get_full_url(request)
    district = _district_of(event, districts)
    venue = event.venue if event.event_format != "online" else None
    return {
        "id": event.pk,
        "title": event.title,
        "url": url,
        "ical_url": url + event.reverse_subpage("ical"),
        "teaser": event.teaser,
        "start": timezone.localtime(event.start).isoformat(),
        "end": timezone.localtime(event.end).isoformat(),
        "kind": event.kind,
        "kind_label": event.get_kind_display(),
        "format": event.event_format,
        "district": district and {"slug": district.slug, "title": district.title},
        "topics": [{"slug": t.slug, "name": t.name} for t in event.topics.all()],
        "childcare_offered": event.childcare_offered,
        "for_young_members": event.for_young_members,
        "registration": event.registration_mode,
        "venue": venue
        and {
            "name": venue.name,
            "street": venue.street,
            "postcode": venue.postcode,
            "city": venue.city,
            "public_transport": venue.public_transport,
            "step_free": venue.step_free,
            "accessible_toilet": venue.accessible_toilet,
            "nursing_room": venue.nursing_room,
            "changing_table": venue.changing_table,
            "child_friendly": venue.child_friendly,
            "accessibility_notes": venue.accessibility_notes,
        },
    }
