"""Lists in another language: its translations, and German items not yet translated."""

import pytest
from wagtail.models import Locale

from dialog.factories import EventPageFactory
from dialog.selectors.events import event_list
from home.factories import TopicFactory, translation_of
from tests.utils import in_days


@pytest.fixture
def turkish_calendar(home_page, event_index):
    translation_of(home_page, "tr", slug="start-tr")
    return translation_of(event_index, "tr", title="Takvim")


@pytest.fixture
def stammtisch(event_index):
    return EventPageFactory(
        parent=event_index,
        title="Roter Stammtisch",
        slug="stammtisch",
        start=in_days(3),
    )


def test_turkish_calendar_lists_german_events_not_yet_translated(
    client, turkish_calendar, stammtisch
):
    html = client.get("/tr/kalender/").content.decode()

    assert "Roter Stammtisch" in html
    assert 'href="/tr/kalender/stammtisch/"' in html


def test_translated_event_replaces_the_german_one_in_its_language(
    turkish_calendar, stammtisch
):
    turkish = translation_of(stammtisch, "tr", title="Kızıl Sohbet Buluşması")

    titles = [event.title for event in event_list(locale=_turkish())]

    assert titles == [turkish.title]


def test_german_calendar_lists_only_german_events(turkish_calendar, stammtisch):
    translation_of(stammtisch, "tr", title="Kızıl Sohbet Buluşması")

    titles = [event.title for event in event_list(locale=Locale.get_default())]

    assert titles == ["Roter Stammtisch"]


def test_draft_translation_does_not_hide_the_german_event(turkish_calendar, stammtisch):
    draft = stammtisch.copy_for_translation(Locale.objects.get(language_code="tr"))

    titles = [event.title for event in event_list(locale=_turkish())]

    assert not draft.live
    assert titles == ["Roter Stammtisch"]


def test_turkish_topic_filter_finds_german_events_of_that_topic(
    client, turkish_calendar, stammtisch
):
    topic = TopicFactory(name="Mieten & Wohnen", slug="mieten-wohnen")
    stammtisch.topics.set([topic])
    stammtisch.save_revision().publish()
    turkish_topic = topic.copy_for_translation(Locale.objects.get(language_code="tr"))
    turkish_topic.name = "Kira & Konut"
    turkish_topic.save()

    response = client.get("/tr/kalender/", {"topic": "mieten-wohnen"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "Kira &amp; Konut" in html
    assert "Roter Stammtisch" in html


def _turkish():
    return Locale.objects.get(language_code="tr")
