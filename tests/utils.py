"""Small helpers shared by test modules."""

import datetime

from django.utils import timezone


def in_days(days, hour=19):
    """Berlin time ``hour`` o'clock, ``days`` from today."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def page_text(client, url, **params):
    """The body of a page that must render with status 200."""
    response = client.get(url, params)
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def human_form_fields(form="", *, seconds_ago=60, client=None):
    """What a person's browser posts with the public form named ``form``: an
    empty honeypot and a fresh signed token (core.bot_protection), bound to
    ``client``'s CSRF cookie if it has one (a test client that opened a page
    before posting)."""
    import time

    from django.conf import settings
    from django.test import RequestFactory

    from core.bot_protection import HONEYPOT_FIELD, STARTED_FIELD, form_started_value

    request = None
    cookie = client.cookies.get(settings.CSRF_COOKIE_NAME) if client else None
    if cookie is not None:
        request = RequestFactory().get("/")
        request.META["CSRF_COOKIE"] = cookie.value
    return {
        HONEYPOT_FIELD: "",
        STARTED_FIELD: form_started_value(request, form, time.time() - seconds_ago),
    }
