from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.utils import translation
from wagtail.models import Site


class KeepLanguageInPageUrlsMiddleware:
    """Under /en/, /tr/, /ar/, links to German pages keep the visitor's language.

    Wagtail builds a page's URL with the language of its locale, so a German
    page would link to the prefix-less German URL and switch the interface back
    to German. For this request the German site root is announced in the active
    language instead: untranslated pages link to ``/tr/<path>/``, which
    ``home.views.serve_with_fallback`` serves (or redirects to the translation).
    Wagtail caches the root paths on the request under this attribute.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = translation.get_language()
        if language != settings.LANGUAGE_CODE:
            request._wagtail_cached_site_root_paths = [
                root._replace(language_code=language)
                if root.language_code == settings.LANGUAGE_CODE
                else root
                for root in Site.get_site_root_paths()
            ]
        return self.get_response(request)


class PortalCSPMiddleware(CSPMiddleware):
    """django-csp's middleware with the admin's wider policy under /admin/.

    Public pages get ``CONTENT_SECURITY_POLICY`` (no inline script); the Wagtail
    admin gets ``PORTAL_ADMIN_CONTENT_SECURITY_POLICY`` unless a view set its own
    with django-csp's decorators.
    """

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(
            request=request, response=response, report_only=report_only
        )
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.PORTAL_ADMIN_PATH_PREFIX)
        ):
            parts.config = default_config(
                settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        return parts


class PermissionsPolicyMiddleware:
    """Switch off browser features the portal never asks for (camera, location …)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault(
            "Permissions-Policy", settings.PORTAL_PERMISSIONS_POLICY
        )
        return response
