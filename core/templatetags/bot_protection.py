from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

from ..bot_protection import HONEYPOT_FIELD, STARTED_FIELD, form_started_value

register = template.Library()


@register.simple_tag(takes_context=True)
def bot_protection_fields(context, form="", honeypot=True, id_prefix="id"):
    """The hidden honeypot input and, for a timed ``form``, its signed token.

    The token is this browser's (it asks for the CSRF token, so the page is
    never cached); forms checked by the honeypot alone (comments, which sit in
    cached lists) pass no ``form``. Pages with several forms (comment replies)
    pass ``id_prefix`` so ids stay unique.
    """
    started = (
        format_html(
            '<input type="hidden" name="{}" value="{}">',
            STARTED_FIELD,
            form_started_value(context.get("request"), form),
        )
        if form
        else ""
    )
    if not honeypot:
        return started
    return format_html(
        '<div class="honeypot" aria-hidden="true"><label for="{prefix}_{name}">'
        '{label}</label><input type="text" name="{name}" id="{prefix}_{name}" '
        'value="" autocomplete="off" tabindex="-1"></div>{started}',
        name=HONEYPOT_FIELD,
        prefix=id_prefix,
        label=_("Leave this field empty"),
        started=started,
    )
