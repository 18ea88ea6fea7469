from django import template
from django.utils.dateformat import format as format_date
from wagtail.models import Page

from core.i18n import date_pattern, page_languages

register = template.Library()


@register.simple_tag(takes_context=True)
def languages_of_page(context):
    """Switcher links, hreflang alternates and the fallback state of this view."""
    request = context.get("request")
    if request is None:
        return None
    page = context.get("page")
    return page_languages(
        page=page if isinstance(page, Page) else None,
        request=request,
        # Django's page_not_found view puts ``request_path`` in the context.
        not_found="request_path" in context,
    )


@register.filter(expects_localtime=True)
def local_date(value, pattern="date"):
    """``value`` formatted the way the active language writes dates (Berlin time).

    Patterns: date, weekday_date, short_weekday_date, datetime, short_datetime,
    time (see ``core.i18n.DATE_PATTERNS``).
    """
    if value in (None, ""):
        return ""
    try:
        return format_date(value, date_pattern(pattern))
    except (AttributeError, KeyError, TypeError):
        return ""
