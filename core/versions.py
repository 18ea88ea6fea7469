"""Version counters that cached pages, fragments and kept lists are keyed on
(internal to ``core``: apps use ``core.caching``).

A purge never deletes a cached entry: it gives its version a new number, so
every key built from the old one is never asked for again. ``core.caching``
purges pages with these; routes, translations, restrictions and the sites'
token (``core.caching._routing``, ``core.i18n``, ``core.selectors``) keep their own
versions here, so one cache round trip per request reads them all
(``versions_prefetch``).
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

from .request_memo import forget, remember, remembered

VERSION_PREFIX = "portal:pagecache:version:"
SITE_VERSION_KEY = VERSION_PREFIX + "*site*"
# Version keys outlive any cached page; a lost key only causes a miss.
VERSION_TIMEOUT = 60 * 60 * 24 * 30
# The view restrictions' list (``core.selectors``) and the sites' token
# (``core.caching._routing``): a new uuid on every change, never repeated.
RESTRICTIONS_VERSION_KEY = "portal:restrictions:version"
TOKEN_KEY = "portal:sites:token"


def _language_prefixes():
    default = settings.LANGUAGE_CODE
    return [f"/{code}" for code, _name in settings.LANGUAGES if code != default]


def without_language_prefix(path: str) -> str:
    for prefix in _language_prefixes():
        if path == prefix or path.startswith(prefix + "/"):
            return path[len(prefix) :] or "/"
    return path


def invalidation_group(path: str) -> str:
    """What a purge must name to drop ``path`` (and its query-string variants)."""
    bare = without_language_prefix(path)
    for group, prefixes in settings.PORTAL_PAGE_CACHE_GROUPS.items():
        if bare.startswith(tuple(prefixes)):
            return group
    return path


def version_key(group: str) -> str:
    return VERSION_PREFIX + hashlib.sha256(group.encode()).hexdigest()[:32]


def bump(keys) -> None:
    forget("site_version")
    for key in keys:
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, VERSION_TIMEOUT)


def purge_everything() -> None:
    """Drop every cached page (navigation, site settings or a snippet changed)."""
    bump([SITE_VERSION_KEY])


def purge_paths(paths) -> None:
    """Drop the cached pages at ``paths`` with every query string."""
    groups = {invalidation_group(path) for path in paths}
    bump([version_key(group) for group in sorted(groups)])


# Fragments listing pages (the home page's sections): any page published,
# unpublished or moved may enter or leave them.
LISTS_FRAGMENT = "page-lists"


def fragment_version(name: str) -> int:
    """The current version of a cached fragment family (``comments:12``),
    read once per request."""
    key = version_key("fragment:" + name)
    return remembered(key, lambda: cache.get(key) or 0)


def fragment_changed(name: str) -> None:
    """Invalidate every cached fragment of the family ``name``."""
    key = version_key("fragment:" + name)
    forget(key)
    bump([key])


def lists_changed() -> None:
    """A page was published, unpublished or moved: lists of pages re-render."""
    fragment_changed(LISTS_FRAGMENT)


def lists_version() -> str:
    """Changes with every page purge and ``purge_everything`` (both read with
    the request's other versions): for cached lists of pages that are not
    bound to one path (search results)."""
    return f"{site_version()}:{fragment_version(LISTS_FRAGMENT)}"


def site_version() -> int:
    """Changes on ``purge_everything``: for data shown on every page (read
    once per request: the navigation, the footer and fragments ask)."""
    return remembered("site_version", lambda: cache.get(SITE_VERSION_KEY) or 0)


def versions_prefetch(request) -> None:
    """Read in one cache round trip the versions nearly every render asks for:
    the site's, the lists', this path's, the view restrictions' and the sites'
    token (``core.caching._routing``). Each was a round trip of its own."""
    group_key = version_key(invalidation_group(request.path))
    lists_key = version_key("fragment:" + LISTS_FRAGMENT)
    found = cache.get_many(
        [SITE_VERSION_KEY, group_key, lists_key, TOKEN_KEY, RESTRICTIONS_VERSION_KEY]
    )
    remember("site_version", found.get(SITE_VERSION_KEY) or 0)
    remember(lists_key, found.get(lists_key) or 0)
    remember(
        "visitor_fragment_versions:" + group_key,
        {
            key: found[key]
            for key in (SITE_VERSION_KEY, group_key, lists_key)
            if key in found
        },
    )
    if TOKEN_KEY in found:
        remember("sites_token", found[TOKEN_KEY])
    if RESTRICTIONS_VERSION_KEY in found:
        remember("restrictions_version", found[RESTRICTIONS_VERSION_KEY])
