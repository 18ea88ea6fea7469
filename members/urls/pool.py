from django.urls import path

from .. import views

urlpatterns = [
    path("mitmachen-pool/", views.pool, name="pool"),
    path("mitmachen-pool/pausieren/", views.pool_pause, name="pool_pause"),
    path("mitmachen-pool/fortsetzen/", views.pool_resume, name="pool_resume"),
    path("mitmachen-pool/austreten/", views.pool_leave, name="pool_leave"),
    path(
        "mitmachen-pool/nachricht/<str:token>/antworten/",
        views.pool_message_answer_view,
        name="pool_message_answer",
    ),
    path(
        "mitmachen-pool/nachricht/<str:token>/ablehnen/",
        views.pool_message_decline_view,
        name="pool_message_decline",
    ),
]
