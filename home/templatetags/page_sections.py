"""Sections other apps add to a page through a hook, as on the home page.

``{% page_sections "event_page_sections" page as sections %}`` runs every
function registered for the hook (``fn(request=, page=)`` returning a dict with
``order`` and ``template``, or ``None``) so an app that must not be imported by
the page's app can still show its part.
"""

from django import template

from home.models import collect_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name, page):
    return collect_sections(hook_name, context.get("request"), page)
