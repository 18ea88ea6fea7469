"""The image renditions templates ask for, made ahead of the first page view.

A page view that finds no rendition renders it on the spot: a second or more
for a large photo, and on a busy first minute many workers do it at once.
Renditions are therefore made in a background task when an image is uploaded
and when a page that shows images is published (``renditions_prepare``).
``RENDITION_SPECS`` lists every filter spec the templates and metadata use;
``tests/core/test_renditions.py`` fails when a template uses one not listed.
"""

from django.db import models, transaction
from django.db.models.signals import post_save
from django_tasks import task
from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock, ImageChooserBlock
from wagtail.signals import page_published

RENDITION_SPECS = (
    "fill-640x360",  # cards, image blocks, article images (small)
    "fill-1200x675",  # image blocks, article images (large)
    "fill-800x450",  # home page hero (small)
    "fill-1600x900",  # home page hero (large)
    "fill-1200x630",  # Open Graph image of shared pages
)


def _images_in_block(block, value):
    if value is None:
        return
    if isinstance(block, ImageBlock | ImageChooserBlock):
        yield value
    elif isinstance(block, StructBlock):
        for name, child in block.child_blocks.items():
            yield from _images_in_block(child, value.get(name))
    elif isinstance(block, ListBlock):
        for item in value:
            yield from _images_in_block(block.child_block, item)
    elif isinstance(block, StreamBlock):
        for child in value:
            yield from _images_in_block(child.block, child.value)


def image_ids_of_page(page) -> set[int]:
    """Ids of the images ``page`` shows: image fields and images in its streams."""
    image_model = get_image_model()
    ids = set()
    for field in page._meta.concrete_fields:
        if isinstance(field, models.ForeignKey) and issubclass(
            field.related_model, image_model
        ):
            if image_id := getattr(page, field.attname):
                ids.add(image_id)
        elif isinstance(field, StreamField):
            stream = getattr(page, field.attname)
            for image in _images_in_block(field.stream_block, stream):
                ids.add(image.pk)
    return ids


def renditions_prepare(*, image_ids) -> None:
    """Make the renditions of ``image_ids`` in the background once committed."""
    ids = sorted({int(pk) for pk in image_ids})
    if ids:
        transaction.on_commit(lambda: renditions_generate.enqueue(image_ids=ids))


def renditions_generate_now(*, image_ids: list[int]) -> int:
    """Every rendition the templates use for these images; returns how many exist.

    Safe to run twice: existing renditions are found, not made again.
    """
    made = 0
    for image in get_image_model().objects.filter(pk__in=image_ids):
        try:
            made += len(image.get_renditions(*RENDITION_SPECS))
        except (OSError, ValueError):
            # A missing or broken file: the page shows no image either way.
            continue
    return made


@task()
def renditions_generate(image_ids: list[int]) -> int:
    """Make the renditions templates use, so no page view has to."""
    return renditions_generate_now(image_ids=image_ids)


def _renditions_on_upload(sender, instance, raw=False, **kwargs):
    if not raw:
        renditions_prepare(image_ids=[instance.pk])


def _renditions_on_publish(sender, instance, **kwargs):
    renditions_prepare(image_ids=image_ids_of_page(instance.specific))


def connect_signals() -> None:
    """Make renditions when an image is uploaded or a page is published
    (called from ``CoreConfig.ready``)."""
    post_save.connect(
        _renditions_on_upload,
        sender=get_image_model(),
        dispatch_uid="home_renditions_on_image_upload",
    )
    page_published.connect(
        _renditions_on_publish, dispatch_uid="home_renditions_on_page_publish"
    )
