from django import template
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from wagtail.models import Page, Site

from core.caching import lists_version, site_version
from core.selectors import public

register = template.Library()

NAVIGATION_TIMEOUT = 60 * 60
ADMIN_ACCESS_TIMEOUT = 5 * 60


@register.simple_tag(takes_context=True)
def portal_userbar(context):
    """Wagtail's user bar for editors, without two permission queries on every
    member's page view: whether someone may open the admin is cached for five
    minutes (the bar is only a link; the admin checks on every request)."""
    from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar

    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    key = f"portal:admin-access:{user.pk}"
    allowed = cache.get(key)
    if allowed is None:
        allowed = user.has_perm("wagtailadmin.access_admin")
        cache.set(key, allowed, ADMIN_ACCESS_TIMEOUT)
    return wagtailuserbar(context) if allowed else ""


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The main menu, rendered once per site, language and menu position.

    Cached until ``core.caching.purge_everything`` (menu pages purge everything
    when published, moved or unpublished). The part that differs per page is
    which menu item is current, so that is part of the key.
    """
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return ""
    position = ""
    if isinstance(current, Page):
        position = f"{current.pk}:{current.path[:12]}"
    key = ":".join(
        [
            "portal:nav",
            str(site_version()),
            str(site.pk),
            translation.get_language() or "",
            request.path.split("/", 2)[1] if request.path.count("/") > 1 else "",
            position,
        ]
    )
    html = cache.get(key)
    if html is None:
        html = render_to_string(
            "includes/main_navigation.html",
            _navigation_context(request, site, current),
        )
        cache.set(key, html, NAVIGATION_TIMEOUT)
    return mark_safe(html)


def _navigation_context(request, site, current):
    """The home page's live, public children marked "show in menus".

    The menu is the German one; in another interface language each item shows
    its translation where one is live, else the German page (in German, under
    the language's prefix).
    """
    root = site.root_page if site else None
    items = list(public(root.get_children().live().in_menu())) if root else []
    translated = _translations([root, *items] if root else [])
    current_path = current.path if current is not None else ""
    shown_root = translated.get(root.translation_key, root) if root else None
    default = settings.LANGUAGE_CODE
    untranslated_lang = "" if translation.get_language() == default else default
    entries = []
    for item in items:
        page = translated.get(item.translation_key, item)
        entries.append(
            {
                "page": page,
                # Untranslated titles are German: say so for screen readers.
                "lang": "" if page is not item else untranslated_lang,
                "is_current": current is not None and current.pk == page.pk,
                "is_ancestor": bool(current_path)
                and current_path.startswith(page.path)
                and current_path != page.path,
            }
        )
    return {
        "request": request,
        "root": shown_root,
        "is_home": current is not None
        and shown_root is not None
        and current.pk == shown_root.pk,
        "items": entries,
    }


def _translations(pages):
    """Live translations of ``pages`` in the active language, by translation key."""
    language = translation.get_language()
    if not pages or language == settings.LANGUAGE_CODE:
        return {}
    return {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[page.translation_key for page in pages],
            locale__language_code=language,
        )
    }


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page):
    """The trail from the home page down to ``page``; empty on the home page.

    Cached per page and language until a page is published, moved or
    unpublished (the page's own title) or the site changes (ancestors' titles:
    pages with children purge everything). Previews render fresh.
    """
    request = context.get("request")
    if page is None or page.depth <= 2:
        return ""
    site = Site.find_for_request(request) if request else None
    if request is None or getattr(request, "is_preview", False) or page.pk is None:
        return _breadcrumbs_html(request, site, page)
    key = ":".join(
        [
            "portal:breadcrumbs",
            lists_version(),
            str(site.pk if site else ""),
            translation.get_language() or "",
            str(page.pk),
        ]
    )
    html = cache.get(key)
    if html is None:
        html = _breadcrumbs_html(request, site, page)
        cache.set(key, html, NAVIGATION_TIMEOUT)
    return mark_safe(html)


def _breadcrumbs_html(request, site, page):
    """The home page is the site root loaded while routing, so pages right
    below it need no query."""
    root = site.root_page if site else None
    if root is not None and root.live and page.path.startswith(root.path):
        deeper = []
        if page.depth > 3:
            deeper = list(page.get_ancestors().live().filter(depth__gt=2))
        ancestors = [root, *deeper]
    else:
        ancestors = list(page.get_ancestors().live().filter(depth__gt=1))
    return render_to_string(
        "includes/breadcrumbs.html",
        {"ancestors": ancestors, "page": page, "request": request},
    )


@register.filter
def page_links(items):
    """The page numbers a pagination bar shows, ``None`` for a gap.

    The first and last page and two on each side of the current one: a common
    search word has hundreds of pages, and testing each number in the template
    cost 10 ms a search.
    """
    paginator = items.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            items.number, on_each_side=2, on_ends=1
        )
    ]
