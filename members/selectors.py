"""Who a signed-in person is to the portal.

A *verified member* is an active account in the members group; that group is
what Wagtail's page privacy checks, so confirming a member (``members.services``)
adds them to it and rejecting or revoking removes them.
"""

from home.models import MEMBERS_GROUP_NAME


def is_verified_member(user) -> bool:
    """Whether ``user`` may see members-only pages, comment and register as member.

    Cached on the user object, which lives for one request.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_portal_is_verified_member"):
        user._portal_is_verified_member = user.groups.filter(
            name=MEMBERS_GROUP_NAME
        ).exists()
    return user._portal_is_verified_member


def display_name(user) -> str:
    """The name shown next to a person's comments; never their email address."""
    return user.get_full_name() or user.get_username()
