"""URLs for comments (mounted at ``/mitmachen/kommentare/``); names are
prefixed ``comment_``."""

from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("seite/<int:page_id>/", views.comment_create_view, name="comment_create"),
    path("<int:comment_id>/antworten/", views.comment_reply_view, name="comment_reply"),
    path("<int:comment_id>/bearbeiten/", views.comment_edit_view, name="comment_edit"),
    path(
        "<int:comment_id>/loeschen/", views.comment_delete_view, name="comment_delete"
    ),
    path("<int:comment_id>/melden/", views.comment_report_view, name="comment_report"),
]
