from django.urls import path

from .. import views

# Tokens are ``secrets.token_urlsafe`` (a slug): anything else, e.g. a NUL
# that PostgreSQL refuses in a query, is a 404 before the lookup.
urlpatterns = [
    path("mentoring/", views.mentoring, name="mentoring"),
    path(
        "mentoring/<int:pk>/zurueckziehen/",
        views.mentoring_withdraw_view,
        name="mentoring_withdraw",
    ),
    path(
        "mentoring/vorschlag/<slug:token>/",
        views.mentoring_proposal,
        name="mentoring_proposal",
    ),
]
