"""Every page type in German, English, Turkish and Arabic: ``lang`` and ``dir``."""

import re

import pytest

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


@pytest.mark.parametrize("language", ["en", "tr", "ar"])
def test_every_untranslated_page_type_renders_in_german_under_the_language_prefix(
    client, page_of_each_type, language
):
    broken = {}
    for page in page_of_each_type:
        path = page.get_url()
        response = client.get(f"/{language}{path}")
        html = response.content.decode()
        shown_in_german = 'class="site-main__content" lang="de" dir="ltr"' in html
        if response.status_code != 200 or not shown_in_german:
            broken[type(page).__name__] = response.status_code

    assert broken == {}


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
