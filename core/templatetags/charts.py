from django import template

register = template.Library()


@register.inclusion_tag("core/includes/bar_chart.html")
def bar_chart(chart, caption=None):
    """An SVG bar chart with its data table; see :mod:`core.charts`."""
    return {"chart": chart, "caption": caption or chart.title}
