from urllib.parse import urlencode

from django.shortcuts import redirect
from django.urls import reverse

from .selectors import has_authenticator, mfa_required


class AdminMfaRequiredMiddleware:
    """Send admin-group accounts without a second factor to its setup first.

    Only requests to the Wagtail admin are checked, so the setup pages under
    /konto/ stay reachable. Logging in to the admin goes through allauth (see
    ``WAGTAILADMIN_LOGIN_URL``), which asks for the second factor once one exists.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and request.path.startswith(reverse("wagtailadmin_home"))
            and mfa_required(user)
            and not has_authenticator(user)
        ):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('mfa_activate_totp')}?{query}")
        return self.get_response(request)
