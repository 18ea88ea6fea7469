"""Invalidation: what a page's publish, move or unpublish drops, and the signals.

A page's purge drops the page, its ancestors and its district in every
language, and what the apps register as listing it elsewhere
(``@hooks.register("purge_urls")``: feeds, calendar files, sitemap, search).
Every purge also goes to Wagtail's frontend cache (``purge_urls_from_cache``),
configured from the environment, so a CDN in front behaves the same.
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from wagtail import hooks
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
)

from core.i18n import page_path_in
from core.selectors import restrictions_changed
from core.versions import lists_changed, purge_everything, purge_paths


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
    lists_changed()
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
    lists_changed()
    on_commit_purge_page(instance)


def _page_unpublished(sender, instance, **kwargs):
    lists_changed()
    on_commit_purge_page(instance)


def _page_moved(sender, instance, url_path_before="", **kwargs):
    lists_changed()
    old = _moved_paths(url_path_before) if url_path_before else set()
    on_commit_purge_page(instance, everything=True, extra_paths=old)


def _page_slug_changed(sender, instance, instance_before=None, **kwargs):
    lists_changed()
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
    """Drop every cached page after the commit when a row of ``models`` is
    saved or deleted, or a many-to-many ``through`` model of them changes:
    for what shows on many pages (sites, topics, site settings, venues, the
    coalition agreement)."""
    for model in models:
        label = model._meta.label
        if model._meta.auto_created:
            m2m_changed.connect(
                _shown_everywhere_changed,
                sender=model,
                dispatch_uid=f"portal_cache_m2m_{label}",
            )
            continue
        for signal in (post_save, post_delete):
            signal.connect(
                _shown_everywhere_changed,
                sender=model,
                dispatch_uid=f"portal_cache_{signal is post_save}_{label}",
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
