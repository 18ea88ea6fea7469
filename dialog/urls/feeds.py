"""Calendar files of the events (mounted at ``/feeds/`` beside news' feeds)."""

from django.urls import path

from ..views import calendar_feeds

app_name = "dialog_feeds"

urlpatterns = [
    path("kalender.ics", calendar_feeds.calendar_ics, name="feed_calendar"),
    path(
        "kalender/bezirk/<slug:slug>.ics",
        calendar_feeds.district_calendar_ics,
        name="feed_calendar_district",
    ),
    path(
        "kalender/thema/<slug:slug>.ics",
        calendar_feeds.topic_calendar_ics,
        name="feed_calendar_topic",
    ),
]
