"""Caching at the edges: the only names apps use (CONTRIBUTING.md, "Caching").

Anonymous pages are cached whole (``PageCacheMiddleware``) and, for the
renders that miss, in ``{% visitor_fragment %}`` blocks (template library
``visitor_fragments``); both are keyed on version counters that a purge
bumps, never deleted. Page publish, unpublish, move and slug changes, view
restrictions and sites purge by themselves; apps purge for their own models.

Page models subclass ``PortalPage``. Everything else in this package and in
``core.versions``, ``core.request_memo`` is internal to ``core``.
"""

from core.versions import (
    fragment_changed,
    fragment_version,
    lists_changed,
    lists_version,
    purge_everything,
    site_version,
)

from ._pagecache import PageCacheMiddleware, cacheable_query, mark_private
from ._pages import PortalPage
from ._purge import (
    on_commit_purge_everything,
    on_commit_purge_page,
    paths_in_every_language,
    purge_everything_when_changed,
    purge_page,
    purge_page_itself,
)
from ._routing import SiteMiddleware, deepest_page

__all__ = [
    # Pages and responses
    "PortalPage",
    "mark_private",
    "cacheable_query",
    # Purges (call the on_commit_ variants inside a transaction)
    "purge_page",
    "purge_page_itself",
    "purge_everything",
    "on_commit_purge_page",
    "on_commit_purge_everything",
    "purge_everything_when_changed",
    "paths_in_every_language",
    # Versions for {% cache %} keys and kept values
    "site_version",
    "lists_version",
    "lists_changed",
    "fragment_version",
    "fragment_changed",
    # Routing and settings.MIDDLEWARE
    "deepest_page",
    "PageCacheMiddleware",
    "SiteMiddleware",
]
