"""The failed-login limit as counted in the database (``FailedLogin``)."""

from datetime import datetime, timedelta

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from core.ratelimit import address_bucket

from ..models.logins import FailedLogin

UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
# allauth's "<count>/<period>/<per>": per key (the login) or per client address.
FIELDS = {"key": "account", "ip": "address"}


def login_failed_rates() -> list[tuple[int, float, str]]:
    """``ACCOUNT_RATE_LIMITS["login_failed"]`` as (count, seconds, field).

    The rates allauth applies in the cache (with its defaults, none when the
    limits are off), e.g. ``"10/m/ip,5/5m/key"``.
    """
    from allauth.account import app_settings

    rates = []
    for rate in (app_settings.RATE_LIMITS.get("login_failed") or "").split(","):
        parts = rate.strip().split("/")
        if len(parts) < 2:
            continue
        amount, period = parts[0], parts[1]
        per = parts[2] if len(parts) == 3 else "ip"
        if per not in FIELDS:
            continue
        seconds = float(period[:-1] or 1) * UNIT_SECONDS[period[-1]]
        rates.append((int(amount), seconds, FIELDS[per]))
    return rates


def failed_login_digests(*, login_key: str, address: str) -> dict[str, str]:
    """Keyed hashes of the login and the client address: no plain value is kept."""
    return {
        "account": salted_hmac(
            "members.failed_login.account", login_key.strip().lower()
        ).hexdigest(),
        "address": salted_hmac(
            "members.failed_login.address", address_bucket(address)
        ).hexdigest(),
    }


def failed_logins_exceeded(
    *, login_key: str, address: str, now: datetime | None = None
) -> bool:
    """Whether the failures stored for this login or address reach a rate.

    One query, whatever the cache does.
    """
    rates = login_failed_rates()
    if not rates:
        return False
    now = now or timezone.now()
    digests = failed_login_digests(login_key=login_key, address=address)
    longest = max(seconds for _amount, seconds, _field in rates)
    counts = FailedLogin.objects.filter(
        Q(account=digests["account"]) | Q(address=digests["address"]),
        at__gt=now - timedelta(seconds=longest),
    ).aggregate(
        **{
            f"rate{number}": Count(
                "pk",
                filter=Q(
                    **{field: digests[field]},
                    at__gt=now - timedelta(seconds=seconds),
                ),
            )
            for number, (_amount, seconds, field) in enumerate(rates)
        }
    )
    return any(
        counts[f"rate{number}"] >= amount
        for number, (amount, _seconds, _field) in enumerate(rates)
    )
