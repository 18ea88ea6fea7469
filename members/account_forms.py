"""Forms replacing allauth's own (``ACCOUNT_FORMS``)."""

from allauth.account.forms import LoginForm as AllauthLoginForm
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Email addresses are at most 254 characters, usernames 150.
LOGIN_MAX_LENGTH = 254


class LoginForm(AllauthLoginForm):
    """allauth's login, asking for the email address (staff may use a username)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["login"]
        field.label = _("Email address")
        field.help_text = _("Staff may also use their username.")
        field.widget.attrs.pop("placeholder", None)
        field.widget.attrs["autocomplete"] = "username"
        # allauth looks the login up with ``iexact``: on SQLite a LIKE pattern
        # over 50,000 bytes is an error (a 500), and no account has one.
        field.max_length = LOGIN_MAX_LENGTH
        field.validators.append(MaxLengthValidator(LOGIN_MAX_LENGTH))
        field.widget.attrs["maxlength"] = str(LOGIN_MAX_LENGTH)
