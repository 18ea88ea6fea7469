"""Site URLs of the news app."""

from django.urls import include, path

from . import feeds, subscriptions

app_name = "news"

urlpatterns = [
    path("abonnieren/", include(subscriptions.urlpatterns)),
    path("feeds/", include(feeds.urlpatterns)),
]
