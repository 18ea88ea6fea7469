"""Who may answer the evaluation (the members group, without importing members)."""

from home.models import MEMBERS_GROUP_NAME
from home.selectors import user_groups


def is_member(user) -> bool:
    """An active account in the members group (as ``members`` verifies them)."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and MEMBERS_GROUP_NAME in user_groups(user).values()
    )
