import datetime

import factory
import wagtail_factories
from django.utils import timezone

from .models import (
    AgreementChapter,
    AgreementItem,
    BriefingFeedback,
    CoalitionAgreementPage,
    ItemStatus,
    StatusUpdate,
    UsageCount,
)
from .services.agreements import item_current_status_sync


class CoalitionAgreementPageFactory(wagtail_factories.PageFactory):
    title = "Koalitionsvertrag 2026–2031"
    slug = "koalitionsvertrag"
    intro = "<p>Was der Senat versprochen hat – und was daraus wird.</p>"
    signed_on = datetime.date(2026, 10, 20)

    class Meta:
        model = CoalitionAgreementPage


class AgreementChapterFactory(factory.django.DjangoModelFactory):
    agreement = factory.SubFactory(CoalitionAgreementPageFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Kapitel {n + 1}")

    class Meta:
        model = AgreementChapter


class AgreementItemFactory(factory.django.DjangoModelFactory):
    chapter = factory.SubFactory(AgreementChapterFactory)
    number = factory.Sequence(lambda n: n + 1)
    title = factory.Sequence(lambda n: f"Vorhaben {n + 1}")
    agreed_text = "Die Koalition wird bezahlbaren Wohnraum schaffen."
    department = "Senatsverwaltung für Stadtentwicklung, Bauen und Wohnen"

    class Meta:
        model = AgreementItem


class StatusUpdateFactory(factory.django.DjangoModelFactory):
    """A history entry written directly (no mail); the item's copy is synced."""

    item = factory.SubFactory(AgreementItemFactory)
    date = factory.LazyFunction(timezone.localdate)
    status = ItemStatus.IN_PROGRESS
    progress = 30
    note = "Ein Gesetzentwurf liegt vor."

    class Meta:
        model = StatusUpdate
        skip_postgeneration_save = True

    @factory.post_generation
    def sync(obj, create, extracted, **kwargs):
        if create:
            item_current_status_sync(item=obj.item)


class BriefingFeedbackFactory(factory.django.DjangoModelFactory):
    answer = BriefingFeedback.Answer.YES
    consented_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = BriefingFeedback


class UsageCountFactory(factory.django.DjangoModelFactory):
    date = factory.LazyFunction(timezone.localdate)
    count = 1

    class Meta:
        model = UsageCount
