"""Whole-page cache for anonymous visitors, and its invalidation.

Our own small middleware rather than wagtail-cache: wagtail-cache 3.0.0 (the
newest release) requires ``wagtail<8.0``, it decides "anonymous" after the
session is loaded (a database or Redis read on every hit), and it purges only
the published page, while our pages list their children, districts, feeds and
the home page. This middleware answers a hit before sessions, locale or
authentication run, and invalidation here knows those lists.

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
  parameters, combined with two versions: one for the whole site (``purge_everything``:
  navigation, site settings, topics, venues) and one per path or group of
  paths (``purge_pages``): a purge of ``/kalender/`` also drops
  ``/kalender/?district=…``; every feed and the JSON APIs share the group
  ``feeds``, search results the group ``search`` (``PORTAL_PAGE_CACHE_GROUPS``;
  paths never cached: ``PORTAL_PAGE_CACHE_NEVER_CACHED``). The versions are
  ``core.versions``.
- A page's purge drops the page, its ancestors and its district in every
  language, and what the apps register as listing it elsewhere
  (``@hooks.register("purge_urls")``: feeds, calendar files, sitemap, search).

Every purge also goes to Wagtail's frontend cache (``purge_urls_from_cache``),
configured from the environment, so a CDN in front behaves the same.
"""

import hashlib
import logging
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from .i18n import page_path_in
from .request_memo import remembered
from .selectors import restrictions_changed
from .versions import (
    LISTS_FRAGMENT,
    SITE_VERSION_KEY,
    fragment_changed,
    invalidation_group,
    purge_everything,
    purge_paths,
    version_key,
    without_language_prefix,
)

logger = logging.getLogger(__name__)

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


# --- Invalidation -----------------------------------------------------------


def _all_language_paths(pages) -> set[str]:
    """Each page's URL under every language prefix (fallbacks serve German there)."""
    paths = set()
    for page in pages:
        for code, _name in settings.LANGUAGES:
            paths.add(page_path_in(page, code))
    return paths


def _with_translations(pages):
    keys = {page.translation_key for page in pages}
    return list(Page.objects.filter(translation_key__in=keys).only("url_path"))


def paths_in_every_language(names) -> set[str]:
    """The paths of the URL ``names`` (``(name, args)`` pairs) under every
    language prefix; a name that does not resolve is left out."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            for name, args in names:
                try:
                    paths.add(reverse(name, args=args))
                except NoReverseMatch:
                    continue
    return paths


def _registered_paths(page) -> set[str]:
    """The lists outside the page tree that may show ``page`` (feeds, calendar
    files, the sitemap, search): what each app returns from its
    ``@hooks.register("purge_urls")`` function ``fn(page) -> paths``."""
    paths = set()
    for fn in hooks.get_hooks("purge_urls"):
        paths.update(fn(page) or ())
    return paths


def affected_paths(page) -> set[str]:
    """Every path whose cached render may show ``page``.

    The page, its ancestors (the index pages list it, the home page shows the
    newest items), the district it is filed under, in every language, plus
    what the apps register for it (``_registered_paths``: feeds, search results).
    """
    pages = [page, *page.get_ancestors().filter(depth__gt=1)]
    district = getattr(page.specific_deferred, "district", None)
    if district is not None:
        pages.append(district)
    paths = _all_language_paths(_with_translations(pages))
    return paths | _registered_paths(page)


def _needs_full_purge(page) -> bool:
    """Menu pages and pages with children appear in navigation and breadcrumbs."""
    return page.depth <= 3 or page.numchild > 0


def _full_urls(page, paths) -> list[str]:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return []
    try:
        site = page.get_site()
    except Site.DoesNotExist:  # the site was replaced in this transaction
        return []
    if site is None:
        return []
    root = site.root_url.rstrip("/")
    return sorted(root + path for path in paths)


def purge_frontend_cache(urls) -> None:
    """Tell the CDN or proxy in front (``WAGTAILFRONTENDCACHE``) to drop ``urls``."""
    if not urls or not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    purge_urls_from_cache(list(urls))


def purge_page(page, *, everything=None, extra_paths=()) -> set[str]:
    """Drop every cached page that shows ``page`` (here and in the CDN).

    Returns the purged paths. ``everything`` forces (or skips) dropping the
    whole cache; by default menu pages and pages with children do, since
    their titles appear on other pages' navigation and breadcrumbs.
    """
    paths = affected_paths(page) | set(extra_paths)
    if everything is None:
        everything = _needs_full_purge(page)
    if everything:
        purge_everything()
    purge_paths(paths)
    fragment_changed(LISTS_FRAGMENT)
    purge_frontend_cache(_full_urls(page, paths))
    return paths


def purge_page_itself(page) -> set[str]:
    """Drop only ``page``'s own cached renders (its comments changed, say)."""
    paths = _all_language_paths(_with_translations([page]))
    purge_paths(paths)
    purge_frontend_cache(_full_urls(page, paths))
    return paths


def _moved_paths(url_path_before: str) -> set[str]:
    """The paths a page had before a move, in every language."""
    segments = url_path_before.strip("/").split("/", 1)[1:]
    relative = f"{segments[0]}/" if segments and segments[0] else ""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.add(reverse("wagtail_serve", args=[relative]))
    return paths


def on_commit_purge_page(page, **options) -> None:
    """Purge after the transaction commits: purging earlier lets a request in
    between store the old content again. (The lists' version, which routes and
    lists depend on, is also bumped at once, so this process and tests see the
    change inside the transaction.)"""
    transaction.on_commit(lambda: purge_page(page, **options))


def on_commit_purge_everything() -> None:
    transaction.on_commit(purge_everything)


def _page_published(sender, instance, **kwargs):
    fragment_changed(LISTS_FRAGMENT)
    on_commit_purge_page(instance)


def _page_unpublished(sender, instance, **kwargs):
    fragment_changed(LISTS_FRAGMENT)
    on_commit_purge_page(instance)


def _page_moved(sender, instance, url_path_before="", **kwargs):
    fragment_changed(LISTS_FRAGMENT)
    old = _moved_paths(url_path_before) if url_path_before else set()
    on_commit_purge_page(instance, everything=True, extra_paths=old)


def _page_slug_changed(sender, instance, instance_before=None, **kwargs):
    fragment_changed(LISTS_FRAGMENT)
    old = _moved_paths(instance_before.url_path) if instance_before else set()
    on_commit_purge_page(instance, everything=True, extra_paths=old)


def _shown_everywhere_changed(sender, **kwargs):
    on_commit_purge_everything()


def _restriction_changed(sender, **kwargs):
    """A page became private or public: drop the cached restriction list now
    and again after the commit (a request in between may have cached the old
    rows), and every cached page."""
    restrictions_changed()
    transaction.on_commit(restrictions_changed)
    on_commit_purge_everything()


def purge_everything_when_changed(*models) -> None:
    """Drop every cached page when a row of ``models`` is saved or deleted:
    for what shows on many pages (the sites here; topics and site settings,
    connected by ``home``)."""
    for model in models:
        for signal in (post_save, post_delete):
            signal.connect(
                _shown_everywhere_changed,
                sender=model,
                dispatch_uid=f"portal_cache_{signal is post_save}_{model.__name__}",
            )


def connect_signals() -> None:
    """Connect the purges to Wagtail's page signals and to the sites (called
    from ``CoreConfig.ready``; other apps connect theirs)."""
    page_published.connect(_page_published, dispatch_uid="portal_cache_published")
    page_unpublished.connect(_page_unpublished, dispatch_uid="portal_cache_unpublished")
    post_page_move.connect(_page_moved, dispatch_uid="portal_cache_moved")
    page_slug_changed.connect(_page_slug_changed, dispatch_uid="portal_cache_slug")
    # A new view restriction must take a page out of the cache at once.
    for signal in (post_save, post_delete):
        signal.connect(
            _restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"portal_cache_restriction_{signal is post_save}",
        )
    m2m_changed.connect(
        _restriction_changed,
        sender=PageViewRestriction.groups.through,
        dispatch_uid="portal_cache_restriction_groups",
    )
    purge_everything_when_changed(Site)


# --- Fragments ---------------------------------------------------------------


# Fragments of a page for visitors (``{% visitor_fragment %}``): what a visitor
# without an account sees of a page is the same for every visitor, so the
# expensive part of a render (stream fields, rich text, facts, metadata) is
# kept and dropped exactly like the whole page in the page cache, and the rest
# of the page (header, account links, forms) is rendered per request.
VISITOR_FRAGMENT_SECONDS = 5 * 60


def visitor_fragment_key(request, name: str) -> str:
    """Key of the fragment ``name`` of this request's page for visitors.

    Made of the page cache's versions (the whole site, this path's purges) and
    the lists' version (any page published, moved or unpublished), so it is
    dropped by every purge that drops the page, and of the Berlin date (pages
    say "already took place").
    """
    group_key = version_key(invalidation_group(request.path))
    lists_key = version_key("fragment:" + LISTS_FRAGMENT)
    versions = remembered(
        "visitor_fragment_versions:" + group_key,
        lambda: cache.get_many([SITE_VERSION_KEY, group_key, lists_key]),
    )
    raw = "\n".join(
        [
            name,
            request.get_host(),
            request.path,
            _normalised_query(request),
            translation.get_language() or "",
            str(timezone.localdate()),
            *[str(versions.get(key, 0)) for key in sorted(versions)],
        ]
    )
    return "portal:fragment:visitor:" + hashlib.sha256(raw.encode()).hexdigest()
