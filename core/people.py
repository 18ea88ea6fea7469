"""Who a signed-in person is to the portal, for every app.

A *verified member* is an active account in the members group; that group is
what Wagtail's page privacy checks, so confirming a member (``members``) adds
them to it.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext

MEMBERS_GROUP_NAME = "Mitglieder"


def display_name(user) -> str:
    """The name shown next to a person's comments; never their email address.

    Reads ``user.profile`` (the members' profile, if there is one): lists should
    ``select_related("user__profile")``. The username is no fallback, because
    allauth derives it from the address.
    """
    try:
        chosen = user.profile.display_name
    except ObjectDoesNotExist:
        chosen = ""
    return chosen or user.get_full_name() or gettext("Anonymous member")


def user_groups(user) -> dict:
    """``{pk: name}`` of ``user``'s groups, asked once per request (kept on the
    user object): restrictions, lists and the member check all need them."""
    if not user.is_authenticated:
        return {}
    if not hasattr(user, "_portal_groups"):
        user._portal_groups = dict(user.groups.values_list("pk", "name"))
    return user._portal_groups


def is_verified_member(user) -> bool:
    """Whether ``user`` may see members-only pages, comment and register as member:
    an active account in the members group (only ``members`` adds people to it)."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return MEMBERS_GROUP_NAME in user_groups(user).values()
