import datetime

import factory
import wagtail_factories
from django.utils import timezone

from home.factories import paragraph
from subscriptions import factories as subscriptions_factories

from .models import (
    BRIEFING_KIND,
    DecisionBriefingPage,
    NewsArticlePage,
    NewsIndexPage,
)


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Meldung {n}")
    date = factory.LazyFunction(timezone.localdate)
    teaser = "Was in Berlin passiert ist."
    body = factory.LazyFunction(lambda: [paragraph("Der Text der Meldung.")])

    class Meta:
        model = NewsArticlePage


class DecisionBriefingPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Entscheidung {n}")
    decision_date = factory.LazyFunction(
        lambda: timezone.localdate() + datetime.timedelta(days=14)
    )
    deciding_body = DecisionBriefingPage.Body.ABGEORDNETENHAUS
    status = DecisionBriefingPage.Status.UPCOMING
    summary = "Das Abgeordnetenhaus entscheidet über den Haushalt."
    at_stake = "<p>Es geht um bezahlbare Mieten.</p>"
    talking_points = factory.LazyFunction(
        lambda: [
            {
                "type": "talking_point",
                "value": {
                    "point": "Wohnen ist ein Grundrecht.",
                    "explanation": "Jede dritte Familie zahlt zu viel Miete.",
                },
            }
        ]
    )

    class Meta:
        model = DecisionBriefingPage


class SubscriptionFactory(subscriptions_factories.SubscriptionFactory):
    """Follows decision briefings unless ``topic`` or ``district`` is given."""

    kind = factory.LazyAttribute(
        lambda obj: "" if obj.topic or obj.district else BRIEFING_KIND
    )
