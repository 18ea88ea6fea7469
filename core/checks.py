"""System checks for settings that fail silently when they disagree."""

from django.conf import settings
from django.core.checks import Tags, Warning, register

from .ratelimit import proxy_header_meta_name

ONE_ADDRESS_HEADERS = {"HTTP_X_REAL_IP", "HTTP_CF_CONNECTING_IP", "HTTP_TRUE_CLIENT_IP"}


@register(Tags.security)
def client_address_check(app_configs, **kwargs):
    """The proxy settings of ``core.ratelimit.client_ip`` fit together.

    A mismatch makes every client share the proxy's address (one attacker
    locks everyone out) or lets clients choose their own (limits lifted).
    """
    count = settings.PORTAL_TRUSTED_PROXY_COUNT
    problems = []
    if settings.PORTAL_CLIENT_IP_HEADER and count <= 0:
        problems.append(
            Warning(
                "PORTAL_CLIENT_IP_HEADER is set but TRUSTED_PROXY_COUNT is 0, so "
                "the header is ignored and REMOTE_ADDR counts.",
                hint="Set TRUSTED_PROXY_COUNT to the number of reverse proxies "
                "in front of the app server, or unset PORTAL_CLIENT_IP_HEADER.",
                id="core.W001",
            )
        )
    if count > 1 and proxy_header_meta_name() in ONE_ADDRESS_HEADERS:
        problems.append(
            Warning(
                f"{settings.PORTAL_CLIENT_IP_HEADER} holds one address, but "
                f"TRUSTED_PROXY_COUNT is {count}: no client address is ever found.",
                hint="Use X-Forwarded-For behind several proxies, or set "
                "TRUSTED_PROXY_COUNT=1.",
                id="core.W002",
            )
        )
    allauth_settings = [
        name
        for name in ("ALLAUTH_TRUSTED_PROXY_COUNT", "ALLAUTH_TRUSTED_CLIENT_IP_HEADER")
        if getattr(settings, name, None)
    ]
    if allauth_settings:
        problems.append(
            Warning(
                f"{', '.join(allauth_settings)} has no effect: allauth asks "
                "core.ratelimit.client_ip (the account adapter).",
                hint="Use PORTAL_CLIENT_IP_HEADER and TRUSTED_PROXY_COUNT.",
                id="core.W003",
            )
        )
    return problems
