"""Shared StreamField blocks render, and embeds load nothing before a click."""

import wagtail_factories

from home.blocks import embed_url_for
from home.factories import StandardPageFactory, paragraph
from tests.utils import page_text


def test_image_block_renders_a_rendition_with_alt_text(client, home_page):
    image = wagtail_factories.ImageFactory()
    page = StandardPageFactory(
        parent=home_page,
        body=[
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Kundgebung vor dem Rathaus",
                    "decorative": False,
                },
            }
        ],
    )

    html = page_text(client, page.url)

    assert 'alt="Kundgebung vor dem Rathaus"' in html
    assert "/media/images/" in html


def test_external_video_is_not_embedded_before_a_click(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        body=[
            {
                "type": "external_media",
                "value": {
                    "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
                    "title": "Rede auf dem Parteitag",
                },
            }
        ],
    )

    html = page_text(client, page.url)

    assert "<iframe" not in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html


def test_youtube_short_links_embed_without_cookies():
    assert (
        embed_url_for("https://youtu.be/abc123")
        == "https://www.youtube-nocookie.com/embed/abc123"
    )


def test_vimeo_embeds_with_do_not_track():
    assert (
        embed_url_for("https://vimeo.com/12345")
        == "https://player.vimeo.com/video/12345?dnt=1"
    )


def test_unknown_providers_are_never_embedded():
    assert embed_url_for("https://tracker.example.com/video/1") == ""


def test_standard_page_shows_intro_and_body(client, home_page):
    page = StandardPageFactory(
        parent=home_page,
        title="Über uns",
        intro="Wer wir sind.",
        body=[paragraph("Wir sind die Mitmachpartei.")],
    )

    html = page_text(client, page.url)

    assert "Über uns" in html
    assert "Wer wir sind." in html
    assert "Wir sind die Mitmachpartei." in html


def test_call_to_action_to_an_internal_page_links_there(client, home_page):
    target = StandardPageFactory(
        parent=home_page, title="Mitglied werden", slug="mitglied-werden"
    )
    page = StandardPageFactory(
        parent=home_page,
        body=[
            {
                "type": "call_to_action",
                "value": {"text": "Jetzt eintreten", "page": target.pk},
            }
        ],
    )

    html = page_text(client, page.url)

    assert "Jetzt eintreten" in html
    assert 'href="/mitglied-werden/"' in html
