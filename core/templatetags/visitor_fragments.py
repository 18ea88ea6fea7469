"""``{% visitor_fragment "name" %}…{% endvisitor_fragment %}``: part of a page
rendered once for every visitor without an account (``core.caching``).

Members, editors, previews and pages with a view restriction always render
fresh: what they see may be personal. A fragment whose render asked for a CSRF
token (a form) is never stored, since the token belongs to one visitor. Only
wrap markup that depends on nothing but the page, the language and the query
string: no ``user``, no session, no forms. A request with a query parameter
the site does not read renders fresh (``core.caching.cacheable_query``).
"""

from django import template
from django.core.cache import cache
from wagtail.models import Page

from core.caching import (
    VISITOR_FRAGMENT_SECONDS,
    cacheable_query,
    visitor_fragment_key,
)
from core.selectors import restrictions_on

register = template.Library()

CSRF_USED = "CSRF_COOKIE_NEEDS_UPDATE"


class VisitorFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        request = context.get("request")
        if not _shared(request, context.get("page")):
            return self.nodelist.render(context)
        key = visitor_fragment_key(request, self.name.resolve(context))
        html = cache.get(key)
        if html is not None:
            return html
        token_before = request.META.pop(CSRF_USED, False)
        html = self.nodelist.render(context)
        token_used = request.META.get(CSRF_USED, False)
        if token_before or token_used:
            request.META[CSRF_USED] = True
        if not token_used:
            cache.set(key, html, VISITOR_FRAGMENT_SECONDS)
        return html


def _shared(request, page) -> bool:
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


@register.tag
def visitor_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(
            f"{bits[0]} takes one argument: the fragment's name"
        )
    nodelist = parser.parse(("endvisitor_fragment",))
    parser.delete_first_token()
    return VisitorFragmentNode(parser.compile_filter(bits[1]), nodelist)
