import json
import re

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings
from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Site


class KeepLanguageInPageUrlsMiddleware:
    """Under /en/, /tr/, /ar/, links to German pages keep the visitor's language.

    Wagtail builds a page's URL with the language of its locale, so a German
    page would link to the prefix-less German URL and switch the interface back
    to German. For this request the German site root is announced in the active
    language instead: untranslated pages link to ``/tr/<path>/``, which
    ``core.views.serve_with_fallback`` serves (or redirects to the translation).
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


# Any C0 or C1 control character and DEL: none belongs in an address.
_URL_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# In a form or JSON body, tabs and line breaks are text (multi-line fields).
_BODY_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Vertical tab and form feed come with text pasted from office programs: in a
# form field they become a space and a line break instead of losing the edit.
_PASTED_BREAKS = str.maketrans({"\x0b": " ", "\x0c": "\n"})
_PASTED_BREAK = re.compile(r"[\x0b\x0c]")
_JSON_TYPES = ("application/json", "+json")


def _any_match(pattern, texts) -> bool:
    return any(pattern.search(text) for text in texts if isinstance(text, str))


def _json_strings(value):
    """Every key and string of a parsed JSON body, without recursion (a deeply
    nested body must not exhaust the stack)."""
    stack = [value]
    while stack:
        value = stack.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            stack.extend(value.keys())
            stack.extend(value.values())
        elif isinstance(value, list):
            stack.extend(value)


def _query_dict_texts(query_dict):
    for key, values in query_dict.lists():
        yield key
        yield from values


def _body_texts(request):
    """The text a body carries: form fields (not file contents) or JSON strings."""
    if request.method != "POST" and not request.content_type.endswith(_JSON_TYPES):
        return
    if request.content_type.endswith(_JSON_TYPES):
        try:
            parsed = json.loads(request.body)
        except (ValueError, RecursionError):
            return  # not JSON (or nested beyond reason): the view answers that
        yield from _json_strings(parsed)
        return
    yield from _query_dict_texts(request.POST)


def _pasted_breaks_replaced(request) -> None:
    """Form fields with a vertical tab or form feed get them as space and line break."""
    if request.method != "POST" or request.content_type.endswith(_JSON_TYPES):
        return
    if not _any_match(_PASTED_BREAK, _query_dict_texts(request.POST)):
        return
    cleaned = request.POST.copy()
    for key, values in request.POST.lists():
        cleaned.setlist(key, [value.translate(_PASTED_BREAKS) for value in values])
    cleaned._mutable = False
    request.POST = cleaned


def control_characters_in(request) -> bool:
    """Whether the path, a query key or value, a cookie, or a body text holds a
    control character (tab and line breaks allowed in bodies only)."""
    if _URL_CONTROL.search(request.path):
        return True
    if _any_match(_URL_CONTROL, _query_dict_texts(request.GET)):
        return True
    # A quoted cookie may decode to NUL (session key lookups on PostgreSQL).
    if _any_match(_URL_CONTROL, [*request.COOKIES.keys(), *request.COOKIES.values()]):
        return True
    _pasted_breaks_replaced(request)
    return _any_match(_BODY_CONTROL, _body_texts(request))


def control_characters_refused(request):
    """The translated 400 page, rendered without session, user or database:
    the request never reaches the middleware that would load them."""
    language = (
        translation.get_language_from_path(request.path_info) or settings.LANGUAGE_CODE
    )
    with translation.override(language):
        html = render_to_string(
            "400.html",
            {
                "message": _(
                    "The address or the form contained control characters (such "
                    "as a null byte) that no text may hold, so we did not process "
                    "it. Please check what you entered and try again."
                )
            },
        )
    response = HttpResponseBadRequest(html)
    response.headers["Content-Language"] = language
    patch_cache_control(response, private=True, no_store=True)
    return response


class ControlCharacterMiddleware:
    """Refuse NUL and control characters before any view, cache or query sees them.

    PostgreSQL refuses NUL in a query (a 500 in routing, the API, token
    lookups); rather than every view guarding itself, no view ever gets them.
    Files of a multipart upload are not looked at, only its text fields.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if control_characters_in(request):
            return control_characters_refused(request)
        return self.get_response(request)
