from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db.models import Q
from wagtail.models import PageViewRestriction
from wagtail.permission_policies.pages import PagePermissionPolicy

from .request_memo import forget, remembered

RESTRICTIONS_VERSION_KEY = "portal:restrictions:version"
RESTRICTIONS_TIMEOUT = 60 * 60 * 24


@dataclass(frozen=True)
class Restriction:
    """A page view restriction as the cache keeps it (the table is small)."""

    pk: int
    path: str
    restriction_type: str
    group_ids: frozenset

    def covers(self, page) -> bool:
        return page.path.startswith(self.path)


def view_restrictions():
    """Every page view restriction, from the cache: lists, the ``<head>`` and
    comment threads ask on every render and should not each query it.

    ``home.caching`` bumps the version when a restriction or its groups change.
    """
    return remembered("view_restrictions", _cached_view_restrictions)


def _cached_view_restrictions():
    version = cache.get(RESTRICTIONS_VERSION_KEY) or 0
    key = f"portal:restrictions:{version}"
    restrictions = cache.get(key)
    if restrictions is None:
        restrictions = [
            Restriction(
                pk=restriction.pk,
                path=restriction.page.path,
                restriction_type=restriction.restriction_type,
                group_ids=frozenset(group.pk for group in restriction.groups.all()),
            )
            for restriction in PageViewRestriction.objects.select_related(
                "page"
            ).prefetch_related("groups")
        ]
        cache.set(key, restrictions, RESTRICTIONS_TIMEOUT)
    return restrictions


def restrictions_changed() -> None:
    forget("view_restrictions")
    try:
        cache.incr(RESTRICTIONS_VERSION_KEY)
    except ValueError:
        cache.set(RESTRICTIONS_VERSION_KEY, 1, None)


def restrictions_on(page):
    """The restrictions on ``page`` and its ancestors."""
    return [r for r in view_restrictions() if r.covers(page)]


def user_groups(user) -> dict:
    """``{pk: name}`` of ``user``'s groups, asked once per request (kept on the
    user object): restrictions, lists and the member check all need them."""
    if not user.is_authenticated:
        return {}
    if not hasattr(user, "_portal_groups"):
        user._portal_groups = dict(user.groups.values_list("pk", "name"))
    return user._portal_groups


def _group_ids(user):
    return set(user_groups(user))


def passes(restriction, request) -> bool:
    """Wagtail's ``accept_request`` without a query per call."""
    user = request.user
    if restriction.restriction_type == PageViewRestriction.PASSWORD:
        session = getattr(request, "session", None)
        key = PageViewRestriction.passed_view_restrictions_session_key
        return session is not None and restriction.pk in session.get(key, [])
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        if not user.is_authenticated:
            return False
        return user.is_superuser or bool(_group_ids(user) & restriction.group_ids)
    return True


def public(pages):
    """``pages.public()`` from the cached restrictions (no query of its own)."""
    hidden = Q()
    for restriction in view_restrictions():
        hidden |= Q(path__startswith=restriction.path)
    return pages.exclude(hidden) if hidden else pages


def visible_to(pages, user=None):
    """``pages`` narrowed to those ``user`` may open (page privacy included).

    Visitors get Wagtail's ``public()``. A member also sees pages restricted to a
    group they belong to, so members-only briefings show up in their lists and
    search. Password-protected pages never appear in lists.
    """
    if user is None or not user.is_authenticated:
        return public(pages)
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
        user_groups = _group_ids(user)
        user._portal_blocked_paths = [
            restriction.path
            for restriction in view_restrictions()
            if not _passes(restriction, user_groups)
        ]
    return user._portal_blocked_paths


def _passes(restriction, user_groups):
    if restriction.restriction_type == PageViewRestriction.LOGIN:
        return True
    if restriction.restriction_type == PageViewRestriction.GROUPS:
        return bool(user_groups & restriction.group_ids)
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


def site_settings(request):
    """The site's ``SiteSettings`` from the cache (footer and structured data
    on every page); saved settings purge it through ``home.caching``."""
    from wagtail.models import Site

    from .caching import site_version
    from .models import SiteSettings

    site = Site.find_for_request(request)
    if site is None:
        return SiteSettings()
    key = f"portal:sitesettings:{site_version()}:{site.pk}"
    settings_ = cache.get(key)
    if settings_ is None:
        settings_ = SiteSettings.for_site(site)
        cache.set(key, settings_, RESTRICTIONS_TIMEOUT)
    return settings_
