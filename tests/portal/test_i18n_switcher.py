"""The language switcher, hreflang alternates and the German fallback."""

import re

import pytest

from home.factories import translation_of


@pytest.fixture
def turkish_home(home_page):
    return translation_of(home_page, "tr", title="Katılım Portalı", slug="start-tr")


@pytest.fixture
def turkish_calendar(event_index, turkish_home):
    return translation_of(event_index, "tr", title="Takvim")


def _switcher(html):
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S).group(0)
    return {
        code: href for href, code in re.findall(r'href="([^"]*)" lang="(\w+)"', nav)
    }


def _alternates(html):
    return dict(
        (code, href)
        for code, href in re.findall(
            r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">', html
        )
    )


def test_switcher_names_every_language_in_itself(client, home_page):
    html = client.get("/").content.decode()

    for name in ("Deutsch", "English", "Türkçe", "العربية"):
        assert name in html


def test_switcher_is_a_labelled_navigation_with_hreflang(client, home_page):
    html = client.get("/").content.decode()

    assert '<nav class="language-switcher" aria-label="Sprache">' in html
    assert 'hreflang="ar" dir="rtl"' in html


def test_switcher_links_the_translation_where_it_exists(
    client, event_index, turkish_calendar
):
    html = client.get("/kalender/").content.decode()

    assert _switcher(html)["tr"] == "/tr/kalender/"


def test_switcher_on_a_translation_links_back_to_german(
    client, event_index, turkish_calendar
):
    html = client.get("/tr/kalender/").content.decode()

    assert _switcher(html)["de"] == "/kalender/"


def test_switcher_links_the_german_page_under_a_language_without_translation(
    client, event_index, turkish_calendar
):
    html = client.get("/kalender/").content.decode()

    assert _switcher(html)["ar"] == "/ar/kalender/"


def test_switcher_marks_the_current_language(client, home_page):
    html = client.get("/en/").content.decode()

    assert 'lang="en" hreflang="en" dir="ltr" aria-current="true"' in html


def test_switcher_on_a_view_keeps_path_and_query(client, home_page):
    html = client.get("/suche/", {"q": "Miete"}).content.decode()

    assert _switcher(html)["tr"] == "/tr/suche/?q=Miete"


def test_alternates_list_every_translation_and_x_default(
    client, event_index, turkish_calendar
):
    html = client.get("/kalender/").content.decode()

    assert _alternates(html) == {
        "de": "http://testserver/kalender/",
        "tr": "http://testserver/tr/kalender/",
        "x-default": "http://testserver/kalender/",
    }


def test_untranslated_page_has_only_its_german_alternate(client, event_index):
    html = client.get("/en/kalender/").content.decode()

    assert set(_alternates(html)) == {"de", "x-default"}


def test_fallback_page_shows_a_notice_in_the_interface_language(client, event_index):
    html = client.get("/tr/kalender/").content.decode()

    assert "Bu sayfa henüz Türkçe olarak mevcut değil – işte Almanca sürümü." in html


def test_fallback_page_marks_its_content_german(client, event_index):
    html = client.get("/ar/kalender/").content.decode()

    assert '<html lang="ar" dir="rtl">' in html
    assert f'<h1 lang="de" dir="ltr">{event_index.title}</h1>' in html
    assert '<div class="site-main__content">' in html


def test_translated_page_shows_no_fallback_notice(
    client, event_index, turkish_calendar
):
    html = client.get("/tr/kalender/").content.decode()

    assert "fallback-notice" not in html
    assert "<h1>Takvim</h1>" in html


def test_german_page_shows_no_fallback_notice(client, event_index):
    html = client.get("/kalender/").content.decode()

    assert "fallback-notice" not in html


def test_fallback_keeps_the_language_in_links_to_german_pages(
    client, news_index, public_briefing
):
    html = client.get(f"/en{public_briefing.url}").content.decode()
    breadcrumbs = re.search(r'<nav class="breadcrumbs.*?</nav>', html, re.S).group(0)

    assert f'href="/en{news_index.url}"' in breadcrumbs


def test_path_missing_in_every_language_stays_a_404(client, home_page):
    assert client.get("/tr/gibt-es-nicht/").status_code == 404


def test_translation_under_another_slug_is_reached_by_the_german_path(
    client, event_index, turkish_home
):
    translation_of(event_index, "tr", title="Takvim", slug="takvim")

    response = client.get("/tr/kalender/")

    assert response.status_code == 302
    assert response["Location"] == "/tr/takvim/"


def test_navigation_shows_translated_titles_and_german_ones_marked_de(
    client, event_index, news_index, turkish_calendar
):
    event_index.show_in_menus = news_index.show_in_menus = True
    event_index.save_revision().publish()
    news_index.save_revision().publish()
    turkish_calendar.show_in_menus = True
    turkish_calendar.save_revision().publish()

    nav = re.search(
        r'<nav class="main-nav".*?</nav>', client.get("/tr/").content.decode(), re.S
    ).group(0)

    assert 'href="/tr/kalender/">Takvim</a>' in nav
    assert f'href="/tr{news_index.url}" lang="de">{news_index.title}</a>' in nav


def test_switcher_on_a_missing_page_links_the_home_pages(client, home_page):
    response = client.get("/tr/gibt-es-nicht/")

    assert response.status_code == 404
    assert _switcher(response.content.decode()) == {
        "de": "/",
        "en": "/en/",
        "tr": "/tr/gibt-es-nicht/",
        "ar": "/ar/",
    }


def test_page_in_an_admin_language_the_portal_lacks_renders(rf, event_index):
    """Admin previews run in the editor's admin language, e.g. French."""
    from django.utils import translation

    from core.i18n import page_languages

    with translation.override("fr"):
        languages = page_languages(page=event_index, request=rf.get("/"))

    assert languages.is_fallback is False
    assert [link.code for link in languages.links if link.is_current] == ["de"]


def test_fallback_page_names_the_german_original_as_canonical(client, event_index):
    html = client.get("/tr/kalender/").content.decode()

    assert re.search(r'<link rel="canonical" href="http://[^"/]+/kalender/">', html)


def test_translated_page_is_its_own_canonical(client, event_index, turkish_calendar):
    html = client.get("/tr/kalender/").content.decode()

    assert re.search(r'<link rel="canonical" href="http://[^"/]+/tr/kalender/">', html)


def test_switcher_keeps_the_calendars_filters_in_every_language(
    client, event_index, turkish_calendar
):
    html = client.get(
        event_index.url + "?event_format=online&young=on&kind=party"
    ).content.decode()

    links = _switcher(html)
    query = "event_format=online&amp;young=on&amp;kind=party"
    assert links["tr"] == f"/tr/kalender/?{query}"
    assert links["en"] == f"/en/kalender/?{query}"
    assert links["de"] == f"/kalender/?{query}"


def test_switcher_keeps_the_query_of_a_view_that_is_not_a_page(client, home_page):
    html = client.get("/suche/?q=Mieten").content.decode()

    assert _switcher(html)["ar"] == "/ar/suche/?q=Mieten"


def test_switcher_without_a_query_adds_no_question_mark(client, event_index):
    html = client.get(event_index.url).content.decode()

    assert _switcher(html)["en"] == "/en/kalender/"
