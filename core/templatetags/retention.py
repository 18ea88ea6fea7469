"""The retention periods as a table, for the privacy page (``core.retention``)."""

from django import template

from ..retention import retention_table as periods

register = template.Library()


@register.inclusion_tag("core/includes/retention_table.html")
def retention_table():
    return {"rows": periods()}
