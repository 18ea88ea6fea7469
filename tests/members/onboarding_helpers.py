"""Helpers shared by the onboarding test modules."""

from django.contrib.auth.models import Permission
from django.urls import reverse


def dashboard_url():
    return reverse("onboarding:index")


def overview_url():
    return reverse("onboarding:overview")


def import_url():
    return reverse("onboarding:import")


def step_url(onboarding):
    return reverse("onboarding:step", args=[onboarding.pk])


def detail_url(onboarding):
    return reverse("onboarding:detail", args=[onboarding.pk])


def grant_onboarding(user):
    """Give ``user``'s groups the coordinator permission."""
    permission = Permission.objects.get(
        content_type__app_label="members", codename="manage_onboarding"
    )
    for group in user.groups.all():
        group.permissions.add(permission)
    for cache in ("_perm_cache", "_group_perm_cache", "_user_perm_cache"):
        user.__dict__.pop(cache, None)
    return user
