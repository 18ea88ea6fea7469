import factory
from django.utils import timezone

from .models import CONSENT_VERSION, Frequency, Subscriber, Subscription
from .registry import kind_keys


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed subscriber; pass ``confirmed_at=None`` for an unconfirmed one."""

    email = factory.Sequence(lambda n: f"leser{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_version = CONSENT_VERSION
    consent_given_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Subscriber


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """Follows a content kind unless ``topic`` or ``district`` is given.

    Without either, the first registered kind; a feature app's factory may
    default to its own kind.
    """

    subscriber = factory.SubFactory(SubscriberFactory)
    kind = factory.LazyAttribute(
        lambda obj: "" if obj.topic or obj.district else kind_keys()[0]
    )
    topic = None
    district = None
    frequency = Frequency.IMMEDIATE

    class Meta:
        model = Subscription
