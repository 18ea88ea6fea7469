"""URLs for member surveys (mounted at ``/mitmachen/umfragen/``); names are
prefixed ``survey_``."""

from django.urls import path

from . import views

app_name = "surveys"

urlpatterns = [
    path("", views.survey_list, name="survey_list"),
    path("<int:survey_id>/", views.survey_answer, name="survey_answer"),
    path("telefon/", views.phone_consent, name="survey_phone_consent"),
    path("anrufen/", views.call_list_index, name="survey_call_lists"),
    path(
        "anrufen/<int:call_list_id>/",
        views.call_list_detail,
        name="survey_call_list",
    ),
    path(
        "anrufen/<int:call_list_id>/<int:entry_id>/",
        views.call_entry,
        name="survey_call_entry",
    ),
]
