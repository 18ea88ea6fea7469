import factory
import wagtail_factories
from django.utils.text import slugify
from wagtail.models import Locale, Site

from .models import (
    DistrictDataPage,
    DistrictFigure,
    DistrictIndexPage,
    DistrictPage,
    HomePage,
    StandardPage,
    Topic,
)


def paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.LazyAttribute(lambda obj: slugify(obj.name))
    description = "Worum es uns bei diesem Thema geht."

    class Meta:
        model = Topic


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Mitmachportal"
    lead = "Mitreden, mitentscheiden, mitmachen: die Partei in Berlin."

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    intro = "Eine kurze Einleitung."
    body = factory.LazyFunction(lambda: [paragraph("Inhalt der Seite.")])

    class Meta:
        model = StandardPage


class DistrictIndexPageFactory(wagtail_factories.PageFactory):
    title = "Bezirke"
    slug = "bezirke"

    class Meta:
        model = DistrictIndexPage


class DistrictPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Bezirk {n}")
    area = DistrictPage.Area.INNER
    intro = "Der Bezirksverband stellt sich vor."
    office_address = "Musterstraße 1\n10999 Berlin"

    class Meta:
        model = DistrictPage


class DistrictDataPageFactory(wagtail_factories.PageFactory):
    title = "Bezirke im Vergleich"
    slug = "bezirke-im-vergleich"
    intro = "<p>Innenstadt und Außenbezirke in Zahlen.</p>"

    class Meta:
        model = DistrictDataPage


class DistrictFigureFactory(factory.django.DjangoModelFactory):
    year = 2025
    members = 500
    inhabitants = 300_000
    election_result = "12.5"
    events_held = 40
    new_members = 30

    class Meta:
        model = DistrictFigure


def site_with_home(**home_kwargs):
    """A default site whose root is a fresh HomePage (for tests and the demo)."""
    root = wagtail_factories.PageFactory._meta.model.get_first_root_node()
    home = HomePageFactory(parent=root, **home_kwargs)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "root_page": home,
            "site_name": "Mitmachportal",
        },
    )
    return home


def translation_of(page, language_code, **fields):
    """``page`` copied into ``language_code`` (parents must be translated), published.

    What an editor gets from wagtail-localize's "Translate" plus "Publish", with
    ``fields`` as the translated values.
    """
    locale, _created = Locale.objects.get_or_create(language_code=language_code)
    translated = page.copy_for_translation(locale).specific
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    return translated
