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


def human_form_fields(seconds_ago=60):
    """What a person's browser posts with a public form: an empty honeypot and
    the signed time the form was shown (home.bot_protection)."""
    import time

    from home.bot_protection import HONEYPOT_FIELD, STARTED_FIELD, form_started_value

    return {
        HONEYPOT_FIELD: "",
        STARTED_FIELD: form_started_value(time.time() - seconds_ago),
    }
