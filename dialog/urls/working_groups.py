"""URLs of working groups; names are prefixed ``working_group_``."""

from django.urls import path

from ..views import working_groups as views

urlpatterns = [
    path(
        "<int:page_id>/mitglieder/",
        views.working_group_member_list,
        name="working_group_members",
    ),
]
