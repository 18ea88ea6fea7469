from django.conf import settings
from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy


def visible_to(pages, user=None):
    """``pages`` narrowed to those ``user`` may open (page privacy included).

    Visitors get Wagtail's ``public()``. A member also sees pages restricted to a
    group they belong to, so members-only briefings show up in their lists and
    search. Password-protected pages never appear in lists.
    """
    if user is None or not user.is_authenticated:
        return pages.public()
    if user.is_superuser:
        return pages
    blocked = Q()
    for path in _blocked_paths(user):
        blocked |= Q(path__startswith=path)
    return pages.exclude(blocked) if blocked else pages


def _blocked_paths(user):
    """Paths of the restricted subtrees ``user`` may not open.

    Kept on the user object, which lives for one request: a home or district
    page asks once per section and should not repeat the two queries each time.
    """
    if not hasattr(user, "_portal_blocked_paths"):
        user_groups = set(user.groups.values_list("pk", flat=True))
        restrictions = PageViewRestriction.objects.select_related(
            "page"
        ).prefetch_related("groups")
        user._portal_blocked_paths = [
            restriction.page.path
            for restriction in restrictions
            if not _passes(restriction, user_groups)
        ]
    return user._portal_blocked_paths


def _passes(restriction, user_groups):
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return bool(user_groups & {group.pk for group in restriction.groups.all()})
    return False


def in_district_q(district):
    """Pages filed under ``district``: by their district field or by living below it.

    District editors create events and news below their DistrictPage and may
    leave the district field empty.
    """
    return Q(district=district) | Q(
        path__startswith=district.path, depth__gt=district.depth
    )


def districts_managed_by(user):
    """The district pages ``user`` edits: the scope of a district editor.

    A user who may change a page at or above a DistrictPage manages that
    district, so the state office (permissions on the home page) and superusers
    manage all of them, a district editor only their own.
    """
    from .models import DistrictPage

    if user is None or not user.is_authenticated or not user.is_active:
        return DistrictPage.objects.none()
    if user.is_superuser:
        return DistrictPage.objects.all()
    roots = {
        permission.page.path
        for permission in PagePermissionPolicy().get_cached_permissions_for_user(user)
        if permission.permission.codename == "change_page"
    }
    if not roots:
        return DistrictPage.objects.none()
    within = Q()
    for path in roots:
        within |= Q(path__startswith=path)
    return DistrictPage.objects.filter(within)


def in_language(items, locale):
    """``items`` in ``locale``, plus default-language items not yet translated into it.

    A Turkish calendar lists the Turkish events and, until they are translated,
    the German ones. Pass ``items`` already narrowed (live, visible): a draft or
    hidden translation does not replace the German item.
    """
    default = settings.LANGUAGE_CODE
    if locale is None:
        return items
    if locale.language_code == default:
        return items.filter(locale=locale)
    translated = items.filter(locale=locale).values("translation_key")
    return items.filter(
        Q(locale=locale)
        | Q(locale__language_code=default) & ~Q(translation_key__in=translated)
    )
