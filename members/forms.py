from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": _("Username or password is wrong. Please try again."),
        "inactive": _("This account is inactive."),
    }
