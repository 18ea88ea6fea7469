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
