from allauth.account.adapter import DefaultAccountAdapter
from django.utils.translation import gettext_lazy as _

WRONG_LOGIN = _("Email address or password is wrong. Please try again.")


class AccountAdapter(DefaultAccountAdapter):
    """One message for every failed login, be it an address or a username."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "email_password_mismatch": WRONG_LOGIN,
        "username_password_mismatch": WRONG_LOGIN,
    }

    def confirm_email(self, request, email_address):
        """A confirmed address links an imported onboarding record to the account."""
        from .services import onboarding_link_account

        confirmed = super().confirm_email(request, email_address)
        if confirmed:
            onboarding_link_account(user=email_address.user, email=email_address.email)
        return confirmed
