"""Editors translate pages and snippets in the admin (wagtail-localize)."""

import pytest
from wagtail.models import Locale

from dialog.factories import VenueFactory
from dialog.models import Venue
from home.factories import TopicFactory
from home.models import Topic


@pytest.fixture
def turkish(db):
    return Locale.objects.get(language_code="tr")


def test_every_content_language_has_a_locale(db):
    codes = set(Locale.objects.values_list("language_code", flat=True))

    assert codes == {"de", "en", "tr", "ar"}


def test_page_header_offers_translate(client, superuser, event_index):
    client.force_login(superuser)

    html = client.get(f"/admin/pages/{event_index.pk}/edit/").content.decode()

    assert f"/admin/localize/submit/page/{event_index.pk}/" in html


def test_translating_a_page_creates_its_turkish_draft(
    client, superuser, home_page, event_index, turkish
):
    client.force_login(superuser)

    response = client.post(
        f"/admin/localize/submit/page/{home_page.pk}/",
        {"locales": [turkish.pk], "include_subtree": "on"},
    )

    assert response.status_code == 302
    assert event_index.get_translation_or_none(turkish) is not None


@pytest.mark.parametrize(
    "factory, model",
    [(TopicFactory, Topic), (VenueFactory, Venue)],
    ids=["topic", "venue"],
)
def test_snippet_listing_offers_translate(client, superuser, factory, model):
    snippet = factory()
    client.force_login(superuser)
    meta = model._meta

    html = client.get(
        f"/admin/snippets/{meta.app_label}/{meta.model_name}/"
    ).content.decode()

    assert (
        f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/"
        f"{snippet.pk}/" in html
    )


@pytest.mark.parametrize(
    "factory, model",
    [(TopicFactory, Topic), (VenueFactory, Venue)],
    ids=["topic", "venue"],
)
def test_translating_a_snippet_creates_its_turkish_version(
    client, superuser, factory, model, turkish
):
    snippet = factory()
    client.force_login(superuser)
    meta = model._meta

    client.post(
        f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/"
        f"{snippet.pk}/",
        {"locales": [turkish.pk]},
    )

    assert snippet.get_translation_or_none(turkish) is not None
