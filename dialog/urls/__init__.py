"""Site URLs of the dialog app (mounted at ``/mitmachen/``)."""

from django.urls import include, path

from . import comments, surveys, working_groups

app_name = "dialog"

urlpatterns = [
    path("kommentare/", include(comments.urlpatterns)),
    path("umfragen/", include(surveys.urlpatterns)),
    path("arbeitsgruppen/", include(working_groups.urlpatterns)),
]
