"""Reads about districts and the site's settings."""

from django.core.cache import cache
from django.db.models import Q
from wagtail.models import Site
from wagtail.permission_policies.pages import PagePermissionPolicy

from core.caching import site_version
from core.people import user_groups

from .models import DistrictCoordinatorGroup, DistrictPage, SiteSettings

SITE_SETTINGS_TIMEOUT = 60 * 60 * 24


def in_district_q(district):
    """Pages filed under ``district``: by their district field or by living below it.

    District editors create events and news below their DistrictPage and may
    leave the district field empty.
    """
    return Q(district=district) | Q(
        path__startswith=district.path, depth__gt=district.depth
    )


def on_topic_q(topic):
    """Pages filed under ``topic`` or one of its translations (a German page
    shows on the English topic page until it is translated)."""
    return Q(topics__translation_key=topic.translation_key)


def districts_managed_by(user):
    """The district pages ``user`` edits: the scope of a district editor.

    A user who may change a page at or above a DistrictPage manages that
    district, so the state office (permissions on the home page) and superusers
    manage all of them, a district editor only their own.
    """
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


def districts_coordinated_by(user):
    """The districts whose members ``user`` may look after with the coordination
    tools (volunteer pool, onboarding, mentoring, survey call lists).

    ``home.coordinate_all_districts`` ("Koordination", the state office,
    superusers) covers every district; a "Koordination <Bezirk>" group
    (``DistrictCoordinatorGroup``) its district and the district's translations.
    District editors keep their districts (``districts_managed_by``), so an
    editor given a tool works in the district they edit. Whether ``user`` may
    use a tool at all is the tool's own permission, checked by the tool.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return DistrictPage.objects.none()
    if user.has_perm("home.coordinate_all_districts"):
        return DistrictPage.objects.all()
    coordinated = DistrictCoordinatorGroup.objects.filter(
        group__in=list(user_groups(user))
    ).values("district__translation_key")
    return DistrictPage.objects.filter(
        Q(translation_key__in=coordinated)
        | Q(pk__in=districts_managed_by(user).values("pk"))
    )


def site_settings(request):
    """The site's ``SiteSettings`` from the cache (footer and structured data
    on every page); saved settings purge it through ``core.caching``."""
    site = Site.find_for_request(request)
    if site is None:
        return SiteSettings()
    key = f"portal:sitesettings:{site_version()}:{site.pk}"
    settings_ = cache.get(key)
    if settings_ is None:
        settings_ = SiteSettings.for_site(site)
        cache.set(key, settings_, SITE_SETTINGS_TIMEOUT)
    return settings_
