"""The permission policy of admin data tied to a district, or to the whole state
(``core.permissions`` scoped to districts)."""

from core.permissions import ScopedPermissionPolicy, ScopedViewSetMixin

from .roles import ALL_DISTRICTS_PERMISSION
from .selectors import districts_coordinated_by


def is_statewide(user) -> bool:
    """Statewide roles: "Koordination" without a district, the state office and
    superusers. Only they change data that belongs to no district."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(ALL_DISTRICTS_PERMISSION)
    )


class DistrictScopedPermissionPolicy(ScopedPermissionPolicy):
    """Narrowed to the user's districts (``districts_coordinated_by``, which
    includes the districts a user edits); statewide roles act on every object.
    ``district_field=None`` makes every object statewide."""

    def __init__(
        self,
        model,
        *,
        district_field="district",
        permission=None,
        never=(),
        scope=districts_coordinated_by,
    ):
        super().__init__(
            model,
            scope=scope,
            is_unscoped=is_statewide,
            district_field=district_field,
            permission=permission,
            never=never,
        )


class DistrictScopedViewSetMixin(ScopedViewSetMixin):
    """For our ``ModelViewSet``/``SnippetViewSet`` classes using
    :class:`DistrictScopedPermissionPolicy`."""
