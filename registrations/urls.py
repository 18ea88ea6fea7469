"""Site URLs of registrations (mounted at ``/mitmachen/anmeldung/``)."""

from django.urls import path

from . import views

app_name = "registrations"

urlpatterns = [
    path("<int:page_id>/", views.registration_form, name="registration_form"),
    path("<int:page_id>/danke/", views.registration_done, name="registration_done"),
    path(
        "meine/<int:registration_id>/absagen/",
        views.registration_cancel_own,
        name="registration_cancel_own",
    ),
    path(
        "meine/<int:registration_id>/platz-annehmen/",
        views.registration_accept_own,
        name="registration_accept_own",
    ),
    path(
        "bestaetigen/<str:token>/",
        views.registration_confirm,
        name="registration_confirm",
    ),
    path(
        "platz-annehmen/<str:token>/",
        views.registration_accept,
        name="registration_accept",
    ),
    path(
        "absagen/<str:token>/",
        views.registration_cancel_by_token,
        name="registration_cancel",
    ),
]
