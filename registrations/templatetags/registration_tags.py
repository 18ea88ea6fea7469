from django import template

from ..forms import RegistrationForm
from ..models import RegistrationMode
from ..selectors import registration_state

register = template.Library()


@register.inclusion_tag("registrations/section_body.html", takes_context=True)
def registration_section(context, page):
    """The registration box of an event, course or working group."""
    request = context.get("request")
    user = getattr(request, "user", None)
    mode = getattr(page, "registration_mode", RegistrationMode.NONE)
    if mode == RegistrationMode.NONE or not page.pk:
        # Nothing to register for, or the preview of a page not yet saved.
        return {"show": False}
    state = registration_state(page=page, user=user)
    if user is None or not user.is_authenticated:
        # Visitors get a link to the form on its own page: a form here would
        # put a CSRF token and a signed fill time into the page, and the page
        # cache never stores such a page.
        return {"show": True, "page": page, "state": state, "on_own_page": True}
    return {
        "show": True,
        "page": page,
        "state": state,
        "form": RegistrationForm(page=page, user=user),
        "request": request,
        "csrf_token": context.get("csrf_token"),
    }
