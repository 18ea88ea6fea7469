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
