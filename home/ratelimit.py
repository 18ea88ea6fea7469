"""Per-IP and per-account request limits for public forms and search.

Fixed windows counted in the shared cache (Redis in production), so every app
server counts the same. Limits come from ``PORTAL_RATE_LIMITS``: per scope a
rate for the client's IP and one for a logged-in account, written
``"<count>/<seconds>"``. A request over a limit gets the translated 429 page
(``templates/429.html``) and does nothing.

allauth limits login, sign-up and password reset itself (``ACCOUNT_RATE_LIMITS``)
and answers with the same page through ``handler429``. Where a limit is hit deep
inside a flow (allauth's failed-login limit is checked in the login form and
would only show a form error), code raises :class:`RateLimited` and
:class:`RateLimitMiddleware` answers 429.
"""

import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    """The client's address; behind a proxy from the header it sets.

    ``PORTAL_CLIENT_IP_HEADER`` (e.g. ``HTTP_X_REAL_IP``) names a header the
    trusted reverse proxy writes; without it ``REMOTE_ADDR`` counts.
    """
    header = getattr(settings, "PORTAL_CLIENT_IP_HEADER", "")
    address = request.META.get(header, "") if header else ""
    return address.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def _parse(rate: str) -> tuple[int, int]:
    count, seconds = rate.split("/")
    return int(count), int(seconds)


def _hit(key: str, rate: str) -> int | None:
    """Count one request; the seconds to wait if ``rate`` is exceeded, else None.

    Without a cache to count in (Redis down) the request goes through: a
    limit must not take the site down with it.
    """
    count, seconds = _parse(rate)
    window = int(time.time() // seconds)
    cache_key = f"ratelimit:{key}:{seconds}:{window}"
    try:
        cache.add(cache_key, 0, timeout=seconds + 1)
        try:
            used = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, timeout=seconds + 1)
            used = 1
    except Exception:  # noqa: BLE001 - a cache that raises counts nothing
        logger.warning("Rate limits not counted: the cache is unavailable")
        return None
    if used is None:  # django-redis with IGNORE_EXCEPTIONS: the cache is down
        return None
    if used > count:
        return max(1, (window + 1) * seconds - int(time.time()))
    return None


def rate_limit_exceeded(request, scope: str) -> int | None:
    """Count ``request`` for ``scope``; seconds to wait when over a limit."""
    limits = settings.PORTAL_RATE_LIMITS.get(scope, {})
    waits = []
    if limits.get("ip"):
        waits.append(_hit(f"{scope}:ip:{client_ip(request)}", limits["ip"]))
    user = getattr(request, "user", None)
    if limits.get("user") and user is not None and user.is_authenticated:
        waits.append(_hit(f"{scope}:user:{user.pk}", limits["user"]))
    waits = [wait for wait in waits if wait]
    return max(waits) if waits else None


def too_many_requests(request, retry_after: int | None = None):
    response = TemplateResponse(
        request,
        "429.html",
        {"retry_minutes": -(-retry_after // 60) if retry_after else None},
        status=429,
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def rate_limit(scope: str, *, methods=("POST",)):
    """Limit a view's ``methods`` requests by ``PORTAL_RATE_LIMITS[scope]``."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method in methods:
                wait = rate_limit_exceeded(request, scope)
                if wait:
                    return too_many_requests(request, wait)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


class RateLimited(Exception):
    """A limit hit inside a flow that cannot return a response itself."""

    def __init__(self, retry_after: int | None = None):
        super().__init__("rate limited")
        self.retry_after = retry_after


class RateLimitMiddleware:
    """Turns :class:`RateLimited` into the translated 429 page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, RateLimited):
            return too_many_requests(request, exception.retry_after).render()
        return None
