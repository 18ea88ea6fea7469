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
