"""Site URLs of subscriptions (mounted at ``/abonnieren/``)."""

from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.subscribe, name="subscription_subscribe"),
    path("angefragt/", views.subscribe_requested, name="subscription_requested"),
    path("meine/", views.mine, name="subscription_mine"),
    path("bestaetigen/<str:token>/", views.confirm, name="subscription_confirm"),
    path(
        "einstellungen/<str:token>/",
        views.subscription_settings,
        name="subscription_settings",
    ),
    path("abmelden/<str:token>/", views.unsubscribe, name="subscription_unsubscribe"),
]
