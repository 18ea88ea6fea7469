"""Bot protection without third-party captchas: a honeypot and a signed fill time.

Public forms carry hidden fields (``{% bot_protection_fields form="…" %}``): an
input people never see (``HONEYPOT_FIELD``, bots fill in every field) and a
signed token (``STARTED_FIELD``) holding when the form was shown, which form it
was, a hash of the visitor's CSRF secret and a random nonce. A visitor
without an account is refused with a 400 if the honeypot is filled, the token
is missing or forged, or the form comes back faster than
``PORTAL_FORM_MIN_SECONDS``. A token older than ``PORTAL_FORM_MAX_SECONDS``,
of another form or another browser, or already used once shows the form again
with what was typed and a notice (a person who left the tab open sends it
again; a bot cannot replay one token for hundreds of posts).

The CSRF secret, not the session, binds the token to a browser: visitors who
fill in a form usually have no session, and every page with a form sets the
CSRF cookie (so it is never kept in the page cache, where one token would
serve everybody). Logged-in accounts are accountable and limited per account
instead.
"""

import enum
import secrets
import time
from functools import wraps

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "homepage"
STARTED_FIELD = "form_started"
# An opaque value, unchanged since the module moved: open forms stay valid.
SALT = "home.bot_protection.form_started"
NONCE_KEY = "bot-protection:used:{}"

STALE_NOTICE = _(
    "This form was open for a long time or has already been sent. Please "
    "check your entries and send it again."
)


class Check(enum.Enum):
    PASSED = "passed"
    BOT = "bot"
    STALE = "stale"


def _client(request) -> str:
    """A hash of the browser's CSRF secret ("" before it has one)."""
    secret = request.META.get("CSRF_COOKIE", "") if request is not None else ""
    return salted_hmac(SALT, secret).hexdigest()[:20] if secret else ""


def form_started_value(request, form: str, now: float | None = None) -> str:
    """The signed token for ``form``, shown to the browser of ``request``."""
    if request is not None:
        get_token(request)  # make sure the browser has a CSRF secret to bind to
    return signing.dumps(
        {
            "t": now if now is not None else time.time(),
            "f": form,
            "c": _client(request),
            "n": secrets.token_urlsafe(12),
        },
        salt=SALT,
    )


def _read(value: str):
    try:
        token = signing.loads(value, salt=SALT)
        return float(token["t"]), str(token["f"]), str(token["c"]), str(token["n"])
    except (signing.BadSignature, TypeError, ValueError, KeyError):
        return None


def bot_check(request, *, form: str = "", timing: bool = True) -> Check:
    """How the POST of ``request`` to ``form`` fares, see the module doc."""
    if request.method != "POST":
        return Check.PASSED
    if request.POST.get(HONEYPOT_FIELD, ""):
        return Check.BOT
    if not timing:
        return Check.PASSED
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Check.PASSED
    token = _read(request.POST.get(STARTED_FIELD, ""))
    if token is None:
        return Check.BOT
    started, token_form, client, nonce = token
    age = time.time() - started
    if age < settings.PORTAL_FORM_MIN_SECONDS:
        return Check.BOT
    if (
        age > settings.PORTAL_FORM_MAX_SECONDS
        or token_form != form
        or client != _client(request)
    ):
        return Check.STALE
    # Once only; no cache (None) lets people through rather than locking them out.
    first_use = cache.add(
        NONCE_KEY.format(nonce), 1, timeout=settings.PORTAL_FORM_MAX_SECONDS
    )
    return Check.STALE if first_use is False else Check.PASSED


def bot_suspected(request, *, form: str = "", timing: bool = True) -> bool:
    return bot_check(request, form=form, timing=timing) is not Check.PASSED


def bot_refused(request, message=None):
    return TemplateResponse(
        request,
        "bot_refused.html",
        {
            "message": message
            or _(
                "Your form was sent unusually fast or with a field filled in that "
                "people do not see, so we did not process it. If you are a person, "
                "please go back, wait a moment and send the form again."
            )
        },
        status=400,
    )


def form_accepted(request, form) -> bool:
    """``form.is_valid()``, unless its token was stale: then the form shows
    again with its input and the notice (views with ``reshow=True``)."""
    notice = getattr(request, "bot_check_notice", None)
    if notice:
        form.add_error(None, notice)
        return False
    return form.is_valid()


def bot_protected(view=None, *, form: str = "", timing: bool = True, reshow=False):
    """Refuse bot-like POSTs to ``view`` (the form named ``form``) with a 400.

    ``timing=False`` checks only the honeypot: for forms that need an account
    anyway (comments), where the view answers visitors itself. With
    ``reshow=True`` the view gets a post with a stale token and shows its form
    again through :func:`form_accepted`; otherwise it is refused here.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            result = bot_check(request, form=form, timing=timing)
            if result is Check.BOT:
                return bot_refused(request)
            if result is Check.STALE:
                if not reshow:
                    return bot_refused(request, STALE_NOTICE)
                request.bot_check_notice = STALE_NOTICE
            return view(request, *args, **kwargs)

        return wrapped

    return decorator(view) if view is not None else decorator
