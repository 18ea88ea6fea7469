"""Site URLs of the tracker (mounted at ``/rueckmeldung/``)."""

from django.urls import path

from .views.evaluation import briefing_feedback

app_name = "tracker"

urlpatterns = [
    path("<int:briefing_id>/", briefing_feedback, name="briefing_feedback"),
]
