"""Languages: which page a visitor gets in which language, and mail language.

German is the default content language. A page that is not translated into the
visitor's interface language is served in German under that language's URL
prefix (``/tr/kalender/``), with a notice; links keep the visitor's language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse, translate_url
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import get_language_info, get_supported_language_variant
from wagtail.models import Page

from .versions import LISTS_FRAGMENT, fragment_version

DEFAULT_LANGUAGE = settings.LANGUAGE_CODE

# Each language in its own name, as the switcher shows it.
LANGUAGE_NAMES = {"de": "Deutsch", "en": "English", "tr": "Türkçe", "ar": "العربية"}

# Date and time patterns per interface language (Django's ``date`` syntax; month
# and day names come from Django's catalogues). Times are 24-hour Berlin time;
# Arabic keeps Western digits, as Berlin's Arabic-language press does.
DATE_PATTERNS = {
    "de": {
        "date": "j. F Y",
        "weekday_date": "l, j. F Y",
        "short_weekday_date": "D, j. F Y",
        "datetime": "l, j. F Y, H:i",
        "short_datetime": "D, j. F Y, H:i",
        "time": "H:i",
    },
    "en": {
        "date": "j F Y",
        "weekday_date": "l, j F Y",
        "short_weekday_date": "D, j F Y",
        "datetime": "l, j F Y, H:i",
        "short_datetime": "D, j F Y, H:i",
        "time": "H:i",
    },
    "tr": {
        "date": "j F Y",
        "weekday_date": "j F Y, l",
        "short_weekday_date": "j F Y, D",
        "datetime": "j F Y, l, H:i",
        "short_datetime": "j F Y, D, H:i",
        "time": "H:i",
    },
    "ar": {
        "date": "j F Y",
        "weekday_date": "l، j F Y",
        "short_weekday_date": "D، j F Y",
        "datetime": "l، j F Y، H:i",
        "short_datetime": "D، j F Y، H:i",
        "time": "H:i",
    },
}


def mail_language(*, user=None, fallback: str = "de") -> str:
    """The language to write to ``user`` in: their preferred one, else ``fallback``.

    ``user.profile.preferred_language`` is read if a profile exists; anything not
    in ``settings.LANGUAGES`` falls back. Use it with ``translation.override``.
    """
    profile = getattr(user, "profile", None) if user is not None else None
    language = getattr(profile, "preferred_language", "") or ""
    if language in dict(settings.LANGUAGES):
        return language
    return fallback


def date_pattern(name: str, language_code: str | None = None) -> str:
    """The pattern ``name`` (``date``, ``datetime`` …) in the (active) language."""
    patterns = DATE_PATTERNS.get(
        language_code or translation.get_language(), DATE_PATTERNS[DEFAULT_LANGUAGE]
    )
    return patterns[name]


def is_rtl(language_code: str) -> bool:
    return get_language_info(language_code)["bidi"]


def relative_path(page) -> str:
    """``page``'s path below its site root (the home page of its locale)."""
    segments = page.url_path.strip("/").split("/", 1)[1:]
    return f"{segments[0]}/" if segments and segments[0] else ""


def page_path_in(page, language_code: str) -> str:
    """The URL of ``page``'s place in the tree under ``language_code``'s prefix.

    Where ``page`` has no translation in that language the fallback of
    ``core.views.serve_with_fallback`` serves it there in its own language.
    """
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[relative_path(page)])


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    absolute_url: str
    is_current: bool
    translated: bool
    bidi: bool


class PageLanguages:
    """What base.html needs: the switcher, the alternates, the content language.

    The links are worked out when first asked for: a visitor's page whose
    ``<head>`` and header come from the cache never needs them.
    """

    def __init__(self, *, links, content_language: str, content_bidi: bool):
        self._links = links
        self.content_language = content_language
        self.content_bidi = content_bidi

    @cached_property
    def links(self):
        return self._links() if callable(self._links) else self._links

    @property
    def alternates(self):
        return [link for link in self.links if link.translated]

    @property
    def x_default(self):
        return next(
            (link for link in self.alternates if link.code == DEFAULT_LANGUAGE), None
        )

    @property
    def current_name(self):
        current = _current_language()
        return LANGUAGE_NAMES.get(current, get_language_info(current)["name_local"])

    @property
    def is_fallback(self):
        return bool(self.content_language)

    @property
    def content_attrs(self):
        """`` lang="de" dir="ltr"`` for the elements that hold the page's own
        content (title, intro, body) when it is shown in another language than
        the interface; empty otherwise. The interface around it keeps the
        language of ``<html>``."""
        if not self.is_fallback:
            return ""
        return _lang_attrs(self.content_language, self.content_bidi)

    @property
    def interface_attrs(self):
        """The interface language back, for labels inside content marked with
        ``content_attrs`` (a stream block's button); empty when not needed."""
        if not self.is_fallback:
            return ""
        current = _current_language()
        return _lang_attrs(current, is_rtl(current))


def _lang_attrs(code, bidi):
    return format_html(' lang="{}" dir="{}"', code, "rtl" if bidi else "ltr")


def page_languages(*, page=None, request, not_found=False) -> PageLanguages:
    """Links to ``page`` (or the current view) in every interface language.

    A language with a live translation links to it; one without links to the
    German page under that language's prefix (the fallback). Views that are not
    Wagtail pages exist in every language and keep their path and query; from a
    page that was ``not_found`` the links go to each language's home page.
    """
    current = _current_language()
    if page is None or page.pk is None:
        return PageLanguages(
            links=[
                _link(code, _view_url_in(request, code, not_found), request)
                for code, _name in settings.LANGUAGES
            ],
            content_language="",
            content_bidi=False,
        )

    page_language = page.locale.language_code

    def links():
        translations = _live_translations(page)
        source = translations.get(DEFAULT_LANGUAGE, page)
        return [
            _link(
                code,
                _with_query(page_path_in(translations[code], code), request),
                request,
            )
            if code in translations
            else _link(
                code,
                _with_query(page_path_in(source, code), request),
                request,
                translated=False,
            )
            for code, _name in settings.LANGUAGES
        ]

    return PageLanguages(
        links=links,
        content_language=page_language if page_language != current else "",
        content_bidi=is_rtl(page_language),
    )


@dataclass(frozen=True)
class Translation:
    """What the switcher needs of a live translation."""

    pk: int
    url_path: str


TRANSLATIONS_TIMEOUT = 60 * 60


def _live_translations(page) -> dict:
    """``{language code: Translation}`` of ``page``'s live translations (itself
    included when live), from the cache until any page is published, moved or
    unpublished (``core.versions.LISTS_FRAGMENT``)."""
    key = (
        f"portal:translations:{page.translation_key}:{fragment_version(LISTS_FRAGMENT)}"
    )
    translations = cache.get(key)
    if translations is None:
        translations = {
            code: Translation(pk=pk, url_path=url_path)
            for code, pk, url_path in Page.objects.filter(
                translation_key=page.translation_key, live=True
            ).values_list("locale__language_code", "pk", "url_path")
        }
        cache.set(key, translations, TRANSLATIONS_TIMEOUT)
    return translations


def _current_language():
    """The active language as one of ``settings.LANGUAGES`` (admin previews may
    run in another admin language)."""
    try:
        return get_supported_language_variant(translation.get_language())
    except LookupError:
        return DEFAULT_LANGUAGE


def _view_url_in(request, language_code, not_found):
    """The current view's URL in ``language_code``; its home page after a 404."""
    path = request.get_full_path()
    if not_found and language_code != _current_language():
        with translation.override(language_code):
            return reverse("wagtail_serve", args=[""])
    return translate_url(path, language_code)


def _with_query(url, request):
    """``url`` with the request's query: switching language keeps the
    calendar's filters (the page cache keys on the full path, query included)."""
    query = request.GET.urlencode()
    return f"{url}?{query}" if query else url


def _link(code, url, request, *, translated=True):
    info = get_language_info(code)
    return LanguageLink(
        code=code,
        name=LANGUAGE_NAMES.get(code, info["name_local"]),
        url=url,
        absolute_url=request.build_absolute_uri(url),
        is_current=code == _current_language(),
        translated=translated,
        bidi=info["bidi"],
    )
