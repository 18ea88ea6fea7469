from django.urls import path

from .. import views

urlpatterns = [
    path("mentoring/", views.mentoring, name="mentoring"),
    path(
        "mentoring/<int:pk>/zurueckziehen/",
        views.mentoring_withdraw_view,
        name="mentoring_withdraw",
    ),
    path(
        "mentoring/vorschlag/<str:token>/",
        views.mentoring_proposal,
        name="mentoring_proposal",
    ),
]
