"""Every page type in German, English, Turkish and Arabic: ``lang`` and ``dir``."""

import re
from html.parser import HTMLParser

import pytest
from django.utils import translation
from django.utils.translation import gettext

from dialog.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    ForumPageFactory,
    WorkingGroupPageFactory,
)
from education.factories import CourseIndexPageFactory, CoursePageFactory
from home.factories import (
    DistrictIndexPageFactory,
    DistrictPageFactory,
    StandardPageFactory,
    translation_of,
)
from news.factories import (
    DecisionBriefingPageFactory,
    NewsArticlePageFactory,
    NewsIndexPageFactory,
)

DIRECTION = {"de": "ltr", "en": "ltr", "tr": "ltr", "ar": "rtl"}


@pytest.fixture
def page_of_each_type(home_page):
    """One live page of every page type, below the German home page."""
    districts = DistrictIndexPageFactory(parent=home_page)
    district = DistrictPageFactory(parent=districts, slug="pankow")
    news = NewsIndexPageFactory(parent=home_page, slug="aktuelles")
    calendar = EventIndexPageFactory(parent=home_page)
    courses = CourseIndexPageFactory(parent=home_page)
    return [
        home_page,
        StandardPageFactory(parent=home_page, slug="ueber-uns"),
        districts,
        district,
        news,
        NewsArticlePageFactory(parent=news, slug="neues"),
        DecisionBriefingPageFactory(parent=news, slug="haushalt"),
        calendar,
        EventPageFactory(parent=calendar, slug="stammtisch"),
        WorkingGroupPageFactory(parent=home_page, slug="ag-mitglieder"),
        ForumPageFactory(parent=home_page, slug="forum-stadtrand"),
        courses,
        CoursePageFactory(parent=courses, slug="grundkurs"),
    ]


def _html_tag(html):
    return re.search(r"<html[^>]*>", html).group(0)


def _types_not_rendering(client, pages, language):
    broken = {}
    for page in pages:
        response = client.get(page.get_url())
        html = response.content.decode()
        wanted = f'<html lang="{language}" dir="{DIRECTION[language]}">'
        if response.status_code != 200 or _html_tag(html) != wanted:
            broken[type(page).__name__] = (response.status_code, _html_tag(html))
    return broken


def test_every_page_type_renders_in_german_with_lang_de(client, page_of_each_type):
    assert _types_not_rendering(client, page_of_each_type, "de") == {}


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_every_translated_page_type_renders_with_its_lang_and_dir(
    client, page_of_each_type, language
):
    translated = [
        translation_of(page, language, title=f"{page.title} ({language})")
        for page in page_of_each_type
    ]

    assert _types_not_rendering(client, translated, language) == {}


class _TextLanguages(HTMLParser):
    """``(text, lang, dir)`` of every text inside ``<main>``, with the ``lang``
    and ``dir`` in force there (from the nearest element that sets them)."""

    VOID = {"area", "br", "col", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.texts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        _tag, lang, direction = self.stack[-1] if self.stack else ("", "", "")
        self.stack.append((tag, attrs.get("lang", lang), attrs.get("dir", direction)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        inside_main = any(tag == "main" for tag, _lang, _dir in self.stack)
        if data.strip() and inside_main:
            _tag, lang, direction = self.stack[-1]
            self.texts.append((" ".join(data.split()), lang, direction))


def text_languages(html):
    parser = _TextLanguages()
    parser.feed(html)
    return parser.texts


ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")
GERMAN_CONTENT_FIELDS = ("title", "lead", "intro", "teaser", "summary")


def _mislabelled_texts(page, html, language):
    """Texts of a German page under /<language>/ whose language is marked wrong:
    the page's own content must say German, the Arabic interface Arabic."""
    specific = page.specific
    german = {
        value
        for name in GERMAN_CONTENT_FIELDS
        if isinstance(value := getattr(specific, name, None), str) and value
    }
    wrong = []
    for text, lang, direction in text_languages(html):
        if text in german and (lang, direction) != ("de", "ltr"):
            wrong.append((text, lang, direction))
        elif ARABIC_LETTERS.search(text) and (lang, direction) != ("ar", "rtl"):
            wrong.append((text, lang, direction))
    return wrong


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_every_untranslated_page_type_marks_only_its_content_german(
    client, page_of_each_type, language
):
    broken = {}
    for page in page_of_each_type:
        response = client.get(f"/{language}{page.get_url()}")
        html = response.content.decode()
        wanted = f'<html lang="{language}" dir="{DIRECTION[language]}">'
        title_is_german = (page.title, "de", "ltr") in text_languages(html)
        wrong = _mislabelled_texts(page, html, language)
        if response.status_code != 200 or _html_tag(html) != wanted:
            broken[type(page).__name__] = (response.status_code, _html_tag(html))
        elif not title_is_german or wrong:
            broken[type(page).__name__] = wrong or "title not marked German"

    assert broken == {}


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_labels_around_german_content_keep_the_interface_language(
    client, event_index, language
):
    """The notice, the headings and the buttons around German content."""
    EventPageFactory(parent=event_index, slug="stammtisch", title="Stammtisch")

    response = client.get(f"/{language}/kalender/stammtisch/")

    texts = text_languages(response.content.decode())
    interface = (language, DIRECTION[language])
    with translation.override(language):
        labels = [gettext("Where"), gettext("Taking part"), gettext("Programme")]
    assert [(label, *interface) in texts for label in labels] == [True] * 3
    assert ("Stammtisch", "de", "ltr") in texts
    assert ("Das Programm des Abends.", "de", "ltr") in texts
    if language == "ar":
        arabic = {
            (lang, dir_) for text, lang, dir_ in texts if ARABIC_LETTERS.search(text)
        }
        assert arabic == {interface}


def test_arabic_pages_mirror_the_layout_right_to_left(client, home_page):
    html = client.get("/ar/").content.decode()

    assert '<html lang="ar" dir="rtl">' in html


def test_german_search_finds_no_translations(client, public_briefing):
    translation_of(public_briefing.get_parent().get_parent(), "tr", slug="start-tr")
    translation_of(public_briefing.get_parent(), "tr")
    translation_of(public_briefing, "tr", title="Haushalt 2027 (Türkçe)")

    html = client.get("/suche/", {"q": "Haushalt"}).content.decode()

    assert "Haushalt 2027 (Türkçe)" not in html
    assert public_briefing.title in html


def test_turkish_search_finds_turkish_and_untranslated_german_pages(
    client, public_briefing
):
    translation_of(public_briefing.get_parent().get_parent(), "tr", slug="start-tr")
    translation_of(public_briefing.get_parent(), "tr")
    translation_of(public_briefing, "tr", title="Haushalt 2027 (Türkçe)")

    html = client.get("/tr/suche/", {"q": "Haushalt"}).content.decode()

    assert "Haushalt 2027 (Türkçe)" in html
