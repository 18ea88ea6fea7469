from django.urls import path

from .. import views

# Tokens are ``secrets.token_urlsafe`` (a slug): anything else, e.g. a NUL
# that PostgreSQL refuses in a query, is a 404 before the lookup.
urlpatterns = [
    path("mitmachen-pool/", views.pool, name="pool"),
    path("mitmachen-pool/pausieren/", views.pool_pause, name="pool_pause"),
    path("mitmachen-pool/fortsetzen/", views.pool_resume, name="pool_resume"),
    path("mitmachen-pool/austreten/", views.pool_leave, name="pool_leave"),
    path(
        "mitmachen-pool/nachricht/<slug:token>/antworten/",
        views.pool_message_answer_view,
        name="pool_message_answer",
    ),
    path(
        "mitmachen-pool/nachricht/<slug:token>/ablehnen/",
        views.pool_message_decline_view,
        name="pool_message_decline",
    ),
]
