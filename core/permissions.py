"""Who may do what with admin data tied to a scope (a district), or to none.

One permission policy for every admin viewset of our apps
(:class:`ScopedPermissionPolicy`; the content layer scopes it to districts)
and one viewset mixin (:class:`ScopedViewSetMixin`) that applies it to the
lists and to every view of one object. Wagtail's generic edit, delete, inspect,
history and usage views check only the model-wide permission, so without the
mixin a district's coordinator could delete the state's survey by its id.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.contrib.auth import get_permission_codename
from django.db.models import Q
from django.http import Http404
from wagtail.admin.views.generic import (
    CopyView,
    CreateView,
    DeleteView,
    EditView,
    IndexView,
    InspectView,
)
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.permission_policies.base import BasePermissionPolicy

READ_ACTIONS = frozenset({"view"})


class ScopedPermissionPolicy(BasePermissionPolicy):
    """Model permissions (or one tool permission) narrowed to the user's scopes.

    ``district_field`` names the foreign key to the scope; ``None`` makes every
    object unscoped. ``scope(user)`` returns the scopes (a queryset) a user
    acts in; users for whom ``is_unscoped(user)`` holds act on every object. Any
    other user acts only on objects of their scopes and only reads unscoped
    objects; other scopes' objects are not there for them. ``permission``
    replaces the model permissions by one tool permission; ``never`` lists
    actions nobody has (an append-only or read-only model).
    """

    def __init__(
        self,
        model,
        *,
        scope,
        is_unscoped,
        district_field="district",
        permission=None,
        never=(),
    ):
        super().__init__(model)
        self.district_field = district_field
        self.permission = permission
        self.never = frozenset(never)
        self.scope = scope
        self.is_unscoped = is_unscoped

    def _has_permission(self, user, action) -> bool:
        if user is None or not user.is_authenticated or not user.is_active:
            return False
        if action in self.never:
            return False
        if self.permission:
            return user.has_perm(self.permission)
        meta = self.model._meta
        return user.has_perm(
            f"{meta.app_label}.{get_permission_codename(action, meta)}"
        )

    def user_has_permission(self, user, action):
        if not self._has_permission(user, action):
            return False
        return (
            action in READ_ACTIONS
            or self.district_field is not None
            or self.is_unscoped(user)
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.instances_user_has_permission_for(user, action)
            .filter(pk=instance.pk)
            .exists()
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def instances_user_has_any_permission_for(self, user, actions):
        allowed = [a for a in actions if self.user_has_permission(user, a)]
        objects = self.model._default_manager.all()
        if not allowed:
            return objects.none()
        if self.is_unscoped(user) or self.district_field is None:
            # A scoped role gets here for unscoped models only when reading.
            return objects
        within = Q(**{f"{self.district_field}__in": self.scope(user)})
        if READ_ACTIONS.intersection(allowed):
            within |= Q(**{f"{self.district_field}__isnull": True})
        return objects.filter(within)

    def districts_for(self, user):
        """The scopes (districts) ``user`` may file a new object under."""
        return self.scope(user)


# Which action a generic view of one object needs; a view not named here needs
# "change", the safe default for views added to a viewset later.
OBJECT_VIEW_ACTIONS = (
    (InspectView, ("view", "change", "delete")),
    (HistoryView, ("view", "change", "delete")),
    (UsageView, ("view", "change", "delete")),
    (CopyView, ("view", "change")),
    (DeleteView, ("delete",)),
    (EditView, ("change",)),
)


def _object_actions(view_class):
    for base, actions in OBJECT_VIEW_ACTIONS:
        if issubclass(view_class, base):
            return actions
    return ("change",)


class ScopedViewSetMixin:
    """For our ``ModelViewSet``/``SnippetViewSet`` classes using the policy above.

    Lists show only the objects the user may act on; a view of one object
    outside the user's scope answers 404, as if it did not exist, when the user
    has the permission for such objects at all (without it Wagtail refuses as
    usual). Forms offer only the user's scopes (districts).
    """

    def construct_view(self, view_class, **kwargs):
        policy = self.permission_policy
        if issubclass(view_class, IndexView):
            view_class = _scoped_index(view_class, policy)
        elif issubclass(view_class, CreateView | EditView):
            view_class = _scoped_form(view_class, policy)
        view = super().construct_view(view_class, **kwargs)
        if issubclass(view_class, IndexView) or (
            issubclass(view_class, CreateView) and not issubclass(view_class, CopyView)
        ):
            return view
        return _object_in_scope(view, policy, _object_actions(view_class))


def _object_in_scope(view, policy, actions):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        pk = kwargs.get("pk", args[0] if args else None)
        if pk is not None and policy.user_has_any_permission(request.user, actions):
            mine = policy.instances_user_has_any_permission_for(request.user, actions)
            if not mine.filter(pk=unquote(str(pk))).exists():
                raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def _scoped_index(view_class, policy):
    def get_base_queryset(self):
        mine = policy.instances_user_has_any_permission_for(
            self.request.user, ["view", "change", "delete"]
        )
        return super(scoped, self).get_base_queryset().filter(pk__in=mine.values("pk"))

    scoped = type(
        view_class.__name__, (view_class,), {"get_base_queryset": get_base_queryset}
    )
    return scoped


def _scoped_form(view_class, policy):
    def get_form(self, *args, **kwargs):
        form = super(scoped, self).get_form(*args, **kwargs)
        field = policy.district_field and form.fields.get(policy.district_field)
        user = self.request.user
        if field is not None and not policy.is_unscoped(user):
            field.queryset = policy.districts_for(user)
            field.required = True
        return form

    scoped = type(view_class.__name__, (view_class,), {"get_form": get_form})
    return scoped
