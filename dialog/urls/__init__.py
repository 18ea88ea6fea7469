"""Site URLs of the dialog app (mounted at ``/mitmachen/``)."""

from django.urls import include, path

from . import working_groups

app_name = "dialog"

urlpatterns = [
    path("arbeitsgruppen/", include(working_groups.urlpatterns)),
]
