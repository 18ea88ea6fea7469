"""Who may decide membership verifications: one place for the checks."""

from home.selectors import districts_managed_by


def can_decide_verifications(user) -> bool:
    """District editors (for their districts), the state office and superusers."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or districts_managed_by(user).exists()


def can_decide_verification(user, verification) -> bool:
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if verification.district_id is None:
        return False
    return districts_managed_by(user).filter(pk=verification.district_id).exists()


def has_admin_access(user) -> bool:
    return bool(
        user.is_authenticated
        and (user.is_superuser or user.has_perm("wagtailadmin.access_admin"))
    )


def can_erase_own_account(user) -> bool:
    """Anyone logged in, except accounts with access to the Wagtail admin.

    Staff, superusers and editors are removed by the state office: their
    pages, moderation decisions and roles have to be handed over first.
    """
    return bool(
        user is not None
        and user.is_authenticated
        and not user.is_staff
        and not user.is_superuser
        and not has_admin_access(user)
    )
