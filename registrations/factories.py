import factory
from django.utils import timezone

from .models import Registration


class RegistrationFactory(factory.django.DjangoModelFactory):
    """A confirmed guest registration unless told otherwise."""

    name = factory.Sequence(lambda n: f"Gast {n}")
    email = factory.Sequence(lambda n: f"gast{n}@example.org")
    status = "confirmed"
    confirmed_at = factory.LazyFunction(timezone.now)
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = Registration
