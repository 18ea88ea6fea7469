"""URLs for feeds (mounted at ``/feeds/``); names are prefixed ``feed_``."""

from django.urls import path

from ..views import feeds

urlpatterns = [
    path("nachrichten/rss/", feeds.news_rss, name="feed_news_rss"),
    path("nachrichten/atom/", feeds.news_atom, name="feed_news_atom"),
    path("entscheidungen/rss/", feeds.briefings_rss, name="feed_briefings_rss"),
    path("entscheidungen/atom/", feeds.briefings_atom, name="feed_briefings_atom"),
    path("thema/<slug:slug>/rss/", feeds.topic_rss, name="feed_topic_rss"),
    path("thema/<slug:slug>/atom/", feeds.topic_atom, name="feed_topic_atom"),
    path("bezirk/<slug:slug>/rss/", feeds.district_rss, name="feed_district_rss"),
    path("bezirk/<slug:slug>/atom/", feeds.district_atom, name="feed_district_atom"),
]
