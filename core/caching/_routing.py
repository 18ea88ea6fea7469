"""The site and its root page for a request, kept per process.

Every page request asked the database for its site (Wagtail's
``Site.find_for_request``), the active locale and the root page's translation:
three queries whose answer stays the same until a site, a locale or a root
page changes. Each process keeps the answers under a token in the cache that
such a change replaces (``sites_changed``; a new uuid, so a cleared cache can
never bring back an old entry). Every request gets its own copy of the kept
objects, so what one render caches on a page does not reach the next.
"""

import copy
import hashlib
import uuid

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.http.request import split_domain_port
from django.utils import translation
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished

from core.health import PROBE_PATHS
from core.request_memo import forget, remembered
from core.versions import LISTS_FRAGMENT, TOKEN_KEY, fragment_version, versions_prefetch

# Hosts are read before ALLOWED_HOSTS is checked: keep at most this many.
MAX_HOSTS = 64

_kept = {"token": None, "sites": {}, "roots": {}}


def sites_changed() -> None:
    """A site, a locale or a root page changed: every process reads them again."""
    forget("sites_token")
    cache.set(TOKEN_KEY, uuid.uuid4().hex, None)


def _token() -> str:
    def read():
        token = cache.get(TOKEN_KEY)
        if token is None:
            token = uuid.uuid4().hex
            if not cache.add(TOKEN_KEY, token, None):
                token = cache.get(TOKEN_KEY) or token
        return token

    return remembered("sites_token", read)


def _kept_for(token):
    if _kept["token"] != token:
        _kept.update(token=token, sites={}, roots={})
    return _kept


def _copy(site):
    if site is None:
        return None
    mine = copy.copy(site)
    mine.root_page = copy.copy(site.root_page)
    return mine


def site_for_request(request):
    """Wagtail's ``Site.find_for_request`` without a query on every request."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    kept = _kept_for(_token())
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    if key not in kept["sites"]:
        if len(kept["sites"]) >= MAX_HOSTS:
            kept["sites"].clear()
        kept["sites"][key] = Site._find_for_request(request)
    request._wagtail_site = _copy(kept["sites"][key])
    return request._wagtail_site


def root_page_for(site):
    """The site's root page in the active language (specific; a copy)."""
    kept = _kept_for(_token())
    key = (site.pk, translation.get_language())
    if key not in kept["roots"]:
        root = copy.copy(site.root_page).localized.specific
        # The switcher and <head> ask for it: load it once, not per request.
        root.locale = Locale.objects.get(pk=root.locale_id)
        kept["roots"][key] = root
    return copy.copy(kept["roots"][key])


ROUTE_SECONDS = 5 * 60


def deepest_page(root, path_components):
    """The deepest page below ``root`` on the path, specific, or ``None``.

    One query (the deepest ``url_path`` among the path's prefixes) and one for
    its specific row; the result is kept in the cache until any page is
    published, moved or unpublished (``core.versions.LISTS_FRAGMENT``, bumped at
    once and again after the commit), so a page view usually asks neither.
    Misses are not kept: unknown paths must not fill the cache.
    """
    raw = "/".join([str(root.pk), *path_components])
    key = ":".join(
        [
            "portal:route",
            str(fragment_version(LISTS_FRAGMENT)),
            hashlib.sha256(raw.encode()).hexdigest(),
        ]
    )
    specific = cache.get(key)
    if specific is not None:
        return specific
    prefixes = [
        root.url_path + "/".join(path_components[:level]) + "/"
        for level in range(1, len(path_components) + 1)
    ]
    deepest = (
        Page.objects.filter(url_path__in=prefixes, path__startswith=root.path)
        .exclude(pk=root.pk)
        .select_related("locale")
        .order_by("-depth")
        .first()
    )
    if deepest is None:
        return None
    specific = deepest.specific
    specific.locale = deepest.locale  # the switcher and <head> ask for it
    cache.set(key, specific, ROUTE_SECONDS)
    return specific


def route_request(request, path) -> None:
    """Route ``path`` as ``Page.route_for_request`` does, from the kept root,
    and leave the result where Wagtail's ``serve`` looks for it."""
    if hasattr(request, "_wagtail_route_for_request"):
        return
    site = site_for_request(request)
    route = None
    if site is not None:
        components = [component for component in path.split("/") if component]
        try:
            route = root_page_for(site).route(request, components)
        except Http404:
            route = None
    request._wagtail_route_for_request = route


class SiteMiddleware:
    """Gives every request its site from the process (see module docstring),
    after reading the cache versions a render needs in one round trip."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path in PROBE_PATHS:
            return self.get_response(request)
        versions_prefetch(request)
        site_for_request(request)
        return self.get_response(request)


def _root_page_changed(sender, instance, **kwargs):
    if (
        isinstance(instance, Page)
        and instance.depth is not None
        and instance.depth <= 2
    ):
        sites_changed()


def _changed(sender, **kwargs):
    sites_changed()


def connect_signals() -> None:
    """Sites, locales and root pages (depth 2: the home page and its
    translations) replace the token when saved or deleted."""
    for signal in (post_save, post_delete):
        for model in (Site, Locale):
            signal.connect(
                _changed,
                sender=model,
                dispatch_uid=f"portal_sites_{model.__name__}_{signal is post_save}",
            )
        signal.connect(
            _root_page_changed,
            dispatch_uid=f"portal_sites_root_page_{signal is post_save}",
        )
    page_published.connect(_root_page_changed, dispatch_uid="portal_sites_published")
    page_unpublished.connect(
        _root_page_changed, dispatch_uid="portal_sites_unpublished"
    )
