"""Image renditions are made in the background, so no page view renders images."""

import re
from itertools import chain
from pathlib import Path

import wagtail_factories
from django.conf import settings
from wagtail.images.models import Rendition

from core.renditions import RENDITION_SPECS, image_ids_of_page
from home.factories import paragraph
from news.factories import NewsArticlePageFactory

TEMPLATE_DIRS = [
    Path(settings.BASE_DIR) / "templates",
    *Path(settings.BASE_DIR).glob("*/templates"),
]
IMAGE_TAG = re.compile(r"{%\s*(?:srcset_image|image|picture)\s+\S+\s+(\S+)")


def _publish(page, capture):
    with capture(execute=True):
        page.save_revision().publish()


def test_publishing_a_page_makes_the_renditions_of_its_image(
    news_index, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = wagtail_factories.ImageFactory()
    Rendition.objects.all().delete()
    article = NewsArticlePageFactory(parent=news_index, image=image)

    _publish(article, django_capture_on_commit_callbacks)

    made = set(
        Rendition.objects.filter(image=image).values_list("filter_spec", flat=True)
    )
    assert made == set(RENDITION_SPECS)


def test_uploading_an_image_makes_its_renditions(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = wagtail_factories.ImageFactory()

    assert Rendition.objects.filter(image=image).count() == len(RENDITION_SPECS)


def test_viewing_a_published_page_renders_no_image(
    client, news_index, django_capture_on_commit_callbacks
):
    image = wagtail_factories.ImageFactory()
    article = NewsArticlePageFactory(
        parent=news_index,
        image=image,
        listing_image=wagtail_factories.ImageFactory(),
        body=[
            paragraph("Text"),
            {
                "type": "image",
                "value": {"image": image.pk, "decorative": True, "alt_text": ""},
            },
        ],
    )
    _publish(article, django_capture_on_commit_callbacks)
    before = Rendition.objects.count()

    assert client.get(article.url).status_code == 200
    assert client.get(news_index.url).status_code == 200

    assert Rendition.objects.count() == before


def test_images_in_stream_blocks_count_as_shown_on_the_page(news_index):
    in_body = wagtail_factories.ImageFactory()
    article = NewsArticlePageFactory(
        parent=news_index,
        body=[
            {
                "type": "image",
                "value": {"image": in_body.pk, "decorative": True, "alt_text": ""},
            }
        ],
    )

    assert image_ids_of_page(article) == {in_body.pk}


def test_the_home_page_hero_image_counts_as_shown(home_page):
    hero = wagtail_factories.ImageFactory()
    home_page.hero_image = hero
    home_page.save()

    assert hero.pk in image_ids_of_page(home_page)


def test_every_filter_spec_a_template_uses_is_made_ahead():
    used = set()
    for path in chain.from_iterable(d.rglob("*.html") for d in TEMPLATE_DIRS):
        for spec in IMAGE_TAG.findall(path.read_text()):
            prefix, _brace, sizes = spec.partition("{")
            if sizes:
                used.update(prefix + size for size in sizes.rstrip("}").split(","))
            else:
                used.add(spec)

    assert used
    assert used <= set(RENDITION_SPECS)
