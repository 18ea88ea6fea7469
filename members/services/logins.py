"""Failed logins in the database, so the limit holds while the cache is down."""

from datetime import datetime, timedelta

from django.utils import timezone

from ..models import FailedLogin
from ..selectors.logins import failed_login_digests

# Longer than any failed-login window; older rows are deleted by retention.
FAILED_LOGIN_RETENTION = timedelta(days=1)


def failed_login_record(
    *, login_key: str, address: str, now: datetime | None = None
) -> FailedLogin:
    """One insert per failed login (``AccountAdapter.authentication_failed``)."""
    return FailedLogin.objects.create(
        **failed_login_digests(login_key=login_key, address=address),
        at=now or timezone.now(),
    )


def failed_logins_clear(*, login_key: str) -> int:
    """A password reset by mail ends the account's lock, as allauth's does."""
    account = failed_login_digests(login_key=login_key, address="")["account"]
    return FailedLogin.objects.filter(account=account).delete()[0]


def failed_logins_prune(*, now: datetime | None = None) -> int:
    now = now or timezone.now()
    return FailedLogin.objects.filter(at__lt=now - FAILED_LOGIN_RETENTION).delete()[0]
