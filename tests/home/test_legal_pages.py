"""Privacy page and accessibility statement: editable pages, linked in every
footer, in every language, with a heading structure screen readers can use."""

import re

import pytest
from wagtail.models import Site

from demo import content
from home.factories import StandardPageFactory, translation_of
from home.models import SiteSettings

pytestmark = pytest.mark.django_db

LANGUAGES = ["de", "en", "tr", "ar"]


@pytest.fixture
def legal_pages(home_page):
    pages = {
        spec["slug"]: StandardPageFactory(
            parent=home_page,
            slug=spec["slug"],
            title=spec["title"],
            intro=spec["intro"],
            body=spec["body"],
        )
        for spec in (content.PRIVACY, content.ACCESSIBILITY)
    }
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = pages["datenschutz"]
    settings.accessibility_page = pages["barrierefreiheit"]
    settings.save()
    return pages


def prefix(language):
    return "" if language == "de" else f"/{language}"


def footer(html):
    return re.search(r'<footer class="site-footer">.*?</footer>', html, re.S).group(0)


def headings(html):
    main = re.search(r'<main id="main".*?</main>', html, re.S).group(0)
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", main)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_footer_links_both_pages_in_its_language(client, legal_pages, language):
    html = client.get(f"{prefix(language)}/").content.decode()

    links = re.findall(r'href="([^"]+)"', footer(html))
    assert f"{prefix(language)}/datenschutz/" in links
    assert f"{prefix(language)}/barrierefreiheit/" in links


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", ["datenschutz", "barrierefreiheit"])
def test_both_pages_render_in_every_language(client, legal_pages, language, slug):
    response = client.get(f"{prefix(language)}/{slug}/")

    assert response.status_code == 200
    assert f'<html lang="{language}"' in response.text


@pytest.mark.parametrize("slug", ["datenschutz", "barrierefreiheit"])
def test_headings_start_at_one_h1_and_skip_no_level(client, legal_pages, slug):
    levels = headings(client.get(f"/{slug}/").content.decode())

    assert levels.count(1) == 1 and levels[0] == 1
    steps = zip(levels, levels[1:], strict=False)
    assert all(later - earlier <= 1 for earlier, later in steps)
    assert levels.count(2) >= 4


def test_privacy_page_names_retention_rights_and_contact(client, legal_pages):
    html = client.get("/datenschutz/").content.decode()

    for text in (
        "30 Tage nach der Veranstaltung",
        "nach 7 Tagen",
        "Meine Daten",
        "Mein Konto löschen",
        "widerrufst",
        "datenschutz@example.org",
        "Wer es sehen kann",
    ):
        assert text in html, text


def test_accessibility_statement_names_status_limits_feedback_and_enforcement(
    client, legal_pages
):
    html = client.get("/barrierefreiheit/").content.decode()

    for text in (
        "WCAG",
        "2.2",
        "teilweise vereinbar",
        "Bekannte Einschränkungen",
        "barrierefreiheit@example.org",
        "Landesbeauftragte für digitale Barrierefreiheit",
    ):
        assert text in html, text


def test_the_footer_links_a_translation_once_editors_made_one(client, legal_pages):
    home_page = legal_pages["datenschutz"].get_parent()
    translation_of(home_page, "en", slug="home-en")
    translation_of(legal_pages["datenschutz"], "en", slug="privacy", title="Privacy")

    html = client.get("/en/").content.decode()

    assert "/en/privacy/" in re.findall(r'href="([^"]+)"', footer(html))
    assert client.get("/en/privacy/").status_code == 200


def test_editors_choose_the_pages_in_the_site_settings():
    panel_fields = [
        child.field_name
        for panel in SiteSettings.panels
        for child in getattr(panel, "children", [panel])
    ]

    assert "privacy_page" in panel_fields
    assert "accessibility_page" in panel_fields
