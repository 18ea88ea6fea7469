"""Per-IP and per-account request limits for public forms and search.

Fixed windows counted in the shared cache (Redis in production), so every app
server counts the same. Limits come from ``PORTAL_RATE_LIMITS``: per scope a
rate for the client's IP and one for a logged-in account, written
``"<count>/<seconds>"``. A request over a limit gets the translated 429 page
(``templates/429.html``) and does nothing. Mails to an address a visitor
typed in are limited per recipient too (:func:`recipient_limit_check`), keyed
on a hash of the address, so rotating client addresses sends no more of them.

allauth limits login, sign-up and password reset itself (``ACCOUNT_RATE_LIMITS``)
and answers with the same page through ``handler429``. Where a limit is hit deep
inside a flow (allauth's failed-login limit is checked in the login form and
would only show a form error), code raises :class:`RateLimited` and
:class:`RateLimitMiddleware` answers 429.
"""

import ipaddress
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


def client_ip(request) -> str:
    """The client's address: the one address every limit and log counts.

    Behind ``PORTAL_TRUSTED_PROXY_COUNT`` reverse proxies the entry they wrote
    into ``PORTAL_CLIENT_IP_HEADER`` (X-Forwarded-For unless set), counted from
    the right as allauth does: entries further left come from the client, who
    can write anything there. Without trusted proxies, or when the header has
    too few entries or no address at that place, ``REMOTE_ADDR`` counts.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.PORTAL_TRUSTED_PROXY_COUNT
    if count <= 0:
        return _address(remote) or remote
    header = proxy_header_meta_name()
    entries = request.META.get(header, "").split(",")
    address = _address(entries[-count]) if len(entries) >= count else None
    if address is None:
        logger.warning(
            "%s does not name a client at %s from the right; REMOTE_ADDR counts",
            header,
            count,
        )
        return _address(remote) or remote
    return address


def proxy_header_meta_name() -> str:
    """``PORTAL_CLIENT_IP_HEADER`` as a ``request.META`` key."""
    header = settings.PORTAL_CLIENT_IP_HEADER or "X-Forwarded-For"
    if header.upper().startswith("HTTP_"):
        return header.upper()
    return "HTTP_" + header.upper().replace("-", "_")


def _address(value: str) -> str | None:
    """``value`` as a normalised IP address, without port or brackets; else None."""
    value = value.strip()
    if value.startswith("["):  # [2001:db8::1]:443
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:  # 198.51.100.4:51234
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return None


def address_bucket(address: str) -> str:
    """An IPv6 client holds a whole /64 (as allauth counts it), IPv4 one address."""
    try:
        parsed = ipaddress.ip_address(address)
    except ValueError:
        return address
    if parsed.version == 6 and parsed.ipv4_mapped:  # ::ffff:198.51.100.4
        return str(parsed.ipv4_mapped)
    if parsed.version == 6:
        return str(ipaddress.IPv6Network(f"{parsed}/64", strict=False).network_address)
    return address


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
        waits.append(
            _hit(f"{scope}:ip:{address_bucket(client_ip(request))}", limits["ip"])
        )
    user = getattr(request, "user", None)
    if limits.get("user") and user is not None and user.is_authenticated:
        waits.append(_hit(f"{scope}:user:{user.pk}", limits["user"]))
    waits = [wait for wait in waits if wait]
    return max(waits) if waits else None


def _hit_rates(key: str, rates: str) -> int | None:
    """``_hit`` for each of the comma-separated ``rates``; the longest wait."""
    waits = [_hit(key, rate.strip()) for rate in rates.split(",") if rate.strip()]
    waits = [wait for wait in waits if wait]
    return max(waits) if waits else None


def recipient_digest(email: str) -> str:
    """A keyed hash of the mailbox ``email`` reaches, for counting without it.

    Case, spaces and a ``+tag`` do not make another recipient.
    """
    local, _at, domain = email.strip().lower().rpartition("@")
    mailbox = f"{local.partition('+')[0]}@{domain}" if local else domain
    # The salt is an opaque value, unchanged since the module moved: counts go on.
    return salted_hmac("home.ratelimit.recipient", mailbox).hexdigest()


RECIPIENT_LIMITED = _(
    "We have recently sent mail to this address, so we send no more for now. "
    "Please look in the inbox and the spam folder, or try again later."
)


class RateLimited(Exception):
    """A limit hit inside a flow that cannot return a response itself."""

    def __init__(self, retry_after: int | None = None):
        super().__init__("rate limited")
        self.retry_after = retry_after


class RecipientLimited(RateLimited):
    """Enough mails went to this recipient; ``message`` says so to the visitor.

    The answer depends only on what was sent to the address, never on whether
    it belongs to an account or a subscriber.
    """

    message = RECIPIENT_LIMITED


def recipient_limit_check(scope: str, *, email: str, page_id=None) -> None:
    """Count one mail to ``email`` for ``scope``; raise when over a limit.

    ``PORTAL_RATE_LIMITS[scope]`` has ``recipient`` (mails to the address)
    and ``recipient_page`` (mails to it about one page), each one or more
    comma-separated ``"<count>/<seconds>"``. Call it only where a mail will
    go out, inside the transaction that sends it.
    """
    limits = settings.PORTAL_RATE_LIMITS.get(scope, {})
    digest = recipient_digest(email)
    waits = []
    if limits.get("recipient"):
        waits.append(_hit_rates(f"{scope}:to:{digest}", limits["recipient"]))
    if page_id is not None and limits.get("recipient_page"):
        waits.append(
            _hit_rates(f"{scope}:to:{digest}:{page_id}", limits["recipient_page"])
        )
    waits = [wait for wait in waits if wait]
    if waits:
        raise RecipientLimited(max(waits))


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
