from django import template
from wagtail.models import Site

register = template.Library()


@register.inclusion_tag("includes/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The home page's live, public children marked "show in menus"."""
    request = context.get("request")
    current = context.get("page")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    items = list(root.get_children().live().in_menu().public()) if root else []
    current_path = current.path if current is not None else ""
    return {
        "root": root,
        "is_home": current is not None and root is not None and current.pk == root.pk,
        "items": [
            {
                "page": item,
                "is_current": current is not None and current.pk == item.pk,
                "is_ancestor": bool(current_path)
                and current_path.startswith(item.path)
                and current_path != item.path,
            }
            for item in items
        ],
    }


@register.inclusion_tag("includes/breadcrumbs.html")
def breadcrumbs(page):
    """The trail from the home page down to ``page``; empty on the home page."""
    ancestors = []
    if page is not None and page.depth > 2:
        ancestors = list(page.get_ancestors().live().filter(depth__gt=1))
    return {"ancestors": ancestors, "page": page}
