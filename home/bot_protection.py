"""Bot protection without third-party captchas: a honeypot and a minimum fill time.

Public forms carry two hidden fields (``{% bot_protection_fields %}``): an
input people never see (``HONEYPOT_FIELD``, bots fill in every field) and the
signed time the form was shown (``STARTED_FIELD``). A post that fills the
honeypot, or comes from a visitor without an account faster than
``PORTAL_FORM_MIN_SECONDS`` after the form was shown (or without a valid
timestamp), is refused with a 400 and a message; people never notice either.
Logged-in accounts are accountable and limited per account instead.
"""

import time
from functools import wraps

from django.conf import settings
from django.core import signing
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "homepage"
STARTED_FIELD = "form_started"
SALT = "home.bot_protection.form_started"


def form_started_value(now: float | None = None) -> str:
    return signing.dumps(now if now is not None else time.time(), salt=SALT)


def bot_suspected(request, *, timing: bool = True) -> bool:
    """Whether the POST of ``request`` looks like a bot's, see the module doc."""
    if request.method != "POST":
        return False
    if request.POST.get(HONEYPOT_FIELD, ""):
        return True
    if not timing:
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    try:
        started = float(signing.loads(request.POST.get(STARTED_FIELD, ""), salt=SALT))
    except (signing.BadSignature, TypeError, ValueError):
        return True
    return time.time() - started < settings.PORTAL_FORM_MIN_SECONDS


def bot_refused(request):
    return TemplateResponse(
        request,
        "bot_refused.html",
        {
            "message": _(
                "Your form was sent unusually fast or with a field filled in that "
                "people do not see, so we did not process it. If you are a person, "
                "please go back, wait a moment and send the form again."
            )
        },
        status=400,
    )


def bot_protected(view=None, *, timing: bool = True):
    """Refuse bot-like POSTs to ``view`` with a 400 before it sees them.

    ``timing=False`` checks only the honeypot: for forms that need an account
    anyway (comments), where the view answers visitors itself.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if bot_suspected(request, timing=timing):
                return bot_refused(request)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator
