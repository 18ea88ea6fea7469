"""Who a signed-in person is to the portal, for every app.

A *verified member* is an active account in the members group; that group is
what Wagtail's page privacy checks, so confirming a member (``members``) adds
them to it.
"""

MEMBERS_GROUP_NAME = "Mitglieder"


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
