"""``{% visitor_fragment "name" %}``: part of a page rendered once for every
visitor without an account, kept and dropped exactly like the whole page in
the page cache (the expensive part of a render: stream fields, rich text,
facts, metadata; the rest, header account links and forms, renders per
request).

Not Wagtail's ``{% wagtailcache %}``/``{% wagtailpagecache %}``: they skip
only previews, and these fragments must also never be stored for

- members: the header fragment shows them their account links and a logout
  form with their CSRF token, the event and course fragments their video
  links; a member's render stored under the visitors' key would reach every
  visitor;
- a render that asked for a CSRF token (a stream-field block with a form):
  the token belongs to one visitor;
- pages with a view restriction and query strings the site does not read
  (``cacheable_query``: made-up strings must not add entries).

Their key would need the same versions, date and query as vary-on values, so
the tag saves nothing and would need a second set of rules beside it.
"""

import hashlib

from django.core.cache import cache
from django.utils import timezone, translation
from wagtail.models import Page

from core.request_memo import remembered
from core.selectors import restrictions_on
from core.versions import (
    LISTS_FRAGMENT,
    SITE_VERSION_KEY,
    invalidation_group,
    version_key,
)

from ._pagecache import _normalised_query, cacheable_query

VISITOR_FRAGMENT_SECONDS = 5 * 60
CSRF_USED = "CSRF_COOKIE_NEEDS_UPDATE"


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


def shared(request, page) -> bool:
    """Whether this render is the same for every visitor (see module docstring)."""
    user = getattr(request, "user", None)
    return (
        request is not None
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and (user is None or not user.is_authenticated)
        and isinstance(page, Page)
        and page.pk is not None
        and page.live
        and not restrictions_on(page)
        and cacheable_query(request)
    )


def render_visitor_fragment(context, name, render) -> str:
    """``render()`` once for every visitor: from the cache when it is kept,
    never stored when the render asked for a CSRF token."""
    request = context.get("request")
    if not shared(request, context.get("page")):
        return render()
    key = visitor_fragment_key(request, name)
    html = cache.get(key)
    if html is not None:
        return html
    token_before = request.META.pop(CSRF_USED, False)
    html = render()
    token_used = request.META.get(CSRF_USED, False)
    if token_before or token_used:
        request.META[CSRF_USED] = True
    if not token_used:
        cache.set(key, html, VISITOR_FRAGMENT_SECONDS)
    return html
