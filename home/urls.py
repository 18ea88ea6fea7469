"""Topic pages (mounted at ``/themen/`` in every language)."""

from django.urls import path

from . import views

app_name = "topics"

urlpatterns = [
    path("", views.topic_index, name="index"),
    path("<slug:slug>/", views.topic_page, name="detail"),
]
