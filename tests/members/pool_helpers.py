"""Helpers shared by the volunteer pool and mentoring tests."""

from django.contrib.auth.models import Permission

from members.factories import VerifiedEmailFactory


def grant(user, codename):
    """Give ``user`` the members permission ``codename`` (fresh permission cache)."""
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="members", codename=codename)
    )
    user.refresh_from_db()
    for cache in ("_perm_cache", "_user_perm_cache", "_group_perm_cache"):
        user.__dict__.pop(cache, None)
    return user


def can_log_in(user):
    VerifiedEmailFactory(user=user)
    return user


def member(make_user, members_group, username, display_name=None):
    from members.factories import ProfileFactory

    user = make_user(username, groups=[members_group])
    ProfileFactory(user=user, display_name=display_name or username.title())
    return user
