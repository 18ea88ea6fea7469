"""Site URLs of the news app."""

from django.urls import include, path

from . import feeds

app_name = "news"

urlpatterns = [
    path("feeds/", include(feeds.urlpatterns)),
]
