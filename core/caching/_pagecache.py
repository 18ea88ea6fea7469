"""Whole-page cache for anonymous visitors (``PageCacheMiddleware``).

Our own small middleware rather than wagtail-cache: wagtail-cache 3.0.0 (the
newest release) requires ``wagtail<8.0``, it decides "anonymous" after the
session is loaded (a database or Redis read on every hit), and it purges only
the published page, while our pages list their children, districts, feeds and
the home page. This middleware answers a hit before sessions, locale or
authentication run; ``_purge`` knows those lists.

Rules:
- Only GET/HEAD requests without a session or messages cookie are looked up
  and stored; anyone with a session (members, a visitor with a message or a
  password-protected page unlocked) always gets a fresh render.
- Only a 200 answer without ``Set-Cookie`` and without ``Cache-Control:
  private/no-cache/no-store`` is stored. A page whose template used a CSRF
  token sets the CSRF cookie, so pages with forms are never stored: a token is
  tied to one visitor's cookie.
- Responses to logged-in users, to requests with a session and pages with a
  view restriction are marked ``Cache-Control: private`` so neither this cache
  nor a CDN or proxy keeps them.
- Only requests whose query parameters are all in
  ``PORTAL_PAGE_CACHE_QUERY_KEYS`` (the ones the site reads), each given once
  (list parameters excepted) and no value longer than
  ``PORTAL_PAGE_CACHE_MAX_VALUE_LENGTH``, are looked up and stored: anyone can
  make up query strings, and each one stored would be another copy of a page
  in Redis (``/?x=1``, ``/?x=2``, …).
- The key is the host and the path with language prefix and the sorted query
  parameters, combined with two versions (``core.versions``): one for the
  whole site (``purge_everything``) and one per path or group of paths
  (``PORTAL_PAGE_CACHE_GROUPS``: every feed and the JSON APIs share ``feeds``,
  search results ``search``; never cached: ``PORTAL_PAGE_CACHE_NEVER_CACHED``).
"""

import hashlib
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.utils.cache import patch_cache_control, patch_vary_headers

from core.versions import (
    SITE_VERSION_KEY,
    invalidation_group,
    version_key,
    without_language_prefix,
)

NO_STORE_DIRECTIVES = ("private", "no-cache", "no-store")


def cache_seconds() -> int:
    """How long an anonymous page stays cached; 0 switches the page cache off."""
    return int(getattr(settings, "PORTAL_PAGE_CACHE_SECONDS", 0))


def _page_key(request, versions) -> str:
    raw = "\n".join(
        [
            request.method == "HEAD" and "GET" or request.method,
            request.get_host(),
            request.path,
            _normalised_query(request),
            *[str(versions.get(key, 0)) for key in sorted(versions)],
        ]
    )
    return "portal:pagecache:page:" + hashlib.sha256(raw.encode()).hexdigest()


def _normalised_query(request) -> str:
    """The query parameters sorted by name; list values sorted as a set."""
    lists = settings.PORTAL_PAGE_CACHE_LIST_QUERY_KEYS
    pairs = []
    for name in sorted(request.GET):
        values = request.GET.getlist(name)
        if name in lists:
            values = sorted(set(values))
        pairs.extend((name, value) for value in values)
    return urlencode(pairs)


def cacheable_query(request) -> bool:
    """Every query parameter one the site reads, given once, none overlong.

    Anything else is answered but never stored (page cache, visitor fragments,
    the calendar's fragment): a made-up query string must not add an entry.
    """
    known = settings.PORTAL_PAGE_CACHE_QUERY_KEYS
    lists = settings.PORTAL_PAGE_CACHE_LIST_QUERY_KEYS
    longest = settings.PORTAL_PAGE_CACHE_MAX_VALUE_LENGTH
    for name, values in request.GET.lists():
        if name not in known or (len(values) > 1 and name not in lists):
            return False
        if any(len(value) > longest for value in values):
            return False
    return True


def _has_session(request) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME in cookies or "messages" in cookies


def _cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and not _has_session(request)
        and not without_language_prefix(request.path).startswith(
            tuple(settings.PORTAL_PAGE_CACHE_NEVER_CACHED)
        )
        and cacheable_query(request)
    )


def _storable_response(request, response) -> bool:
    if response.status_code != 200 or response.streaming:
        return False
    if response.cookies or response.has_header("Set-Cookie"):
        return False
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in NO_STORE_DIRECTIVES):
        return False
    user = getattr(request, "user", None)
    return not (user is not None and user.is_authenticated)


def mark_private(request) -> None:
    """This response is for one visitor only (``Cache-Control: private``)."""
    request._portal_private = True


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors (see module docstring).

    Sits right after whitenoise: a hit costs two cache reads and no database
    query. Also marks every personal response ``private``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = cache_seconds()
        lookup = seconds > 0 and _cacheable_request(request)
        key = None
        if lookup:
            group_key = version_key(invalidation_group(request.path))
            versions = cache.get_many([SITE_VERSION_KEY, group_key])
            key = _page_key(request, versions)
            cached = cache.get(key)
            if cached is not None:
                cached["X-Page-Cache"] = "hit"
                return cached

        response = self.get_response(request)

        if self._is_personal(request, response):
            patch_cache_control(response, private=True)
            patch_vary_headers(response, ["Cookie"])
            return response
        if lookup and request.method == "GET" and _storable_response(request, response):
            patch_vary_headers(response, ["Cookie"])
            patch_cache_control(response, public=True, max_age=0, s_maxage=seconds)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            response["X-Page-Cache"] = "miss"
            cache.set(key, response, seconds)
        return response

    @staticmethod
    def _is_personal(request, response) -> bool:
        """Logged in, a session, a CSRF token in the page or a cookie set."""
        user = getattr(request, "user", None)
        return bool(
            getattr(request, "_portal_private", False)
            or (user is not None and user.is_authenticated)
            or _has_session(request)
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or response.cookies
        )
