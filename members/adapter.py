from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.ratelimit import RateLimited

WRONG_LOGIN = _("Email address or password is wrong. Please try again.")


class AccountAdapter(DefaultAccountAdapter):
    """One message for every failed login, be it an address or a username."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": WRONG_LOGIN,
        "username_password_mismatch": WRONG_LOGIN,
    }

    def pre_authenticate(self, request, **credentials):
        """Too many failed logins (``ACCOUNT_RATE_LIMITS["login_failed"]``) get
        the 429 page, not a form error that invites the next guess."""
        try:
            super().pre_authenticate(request, **credentials)
        except ValidationError as error:
            if error.code == "too_many_login_attempts":
                raise RateLimited from error
            raise

    def confirm_email(self, request, email_address):
        """A confirmed address links an imported onboarding record to the account."""
        from .services import onboarding_link_account

        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            onboarding_link_account(user=email_address.user, email=email_address.email)
        return confirmed
