"""Site URLs of the dialog app (mounted at ``/mitmachen/``)."""

from django.urls import include, path

from . import comments, registrations, surveys

app_name = "dialog"

urlpatterns = [
    path("kommentare/", include(comments.urlpatterns)),
    path("anmeldung/", include(registrations.urlpatterns)),
    path("umfragen/", include(surveys.urlpatterns)),
]
