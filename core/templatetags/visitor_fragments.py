"""``{% visitor_fragment "name" %}…{% endvisitor_fragment %}``: part of a page
rendered once for every visitor without an account (``core.caching``).

Members, editors, previews and pages with a view restriction always render
fresh, and a render that asked for a CSRF token is never stored. Only wrap
markup that depends on nothing but the page, the language and the query
string: no session, no forms, no hook sections; what differs for members
(``user``) is fine, they never share a render.
"""

from django import template

from core.caching._fragments import render_visitor_fragment

register = template.Library()


class VisitorFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name = name
        self.nodelist = nodelist

    def render(self, context):
        return render_visitor_fragment(
            context,
            self.name.resolve(context),
            lambda: self.nodelist.render(context),
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
