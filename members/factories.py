import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import (
    MembershipVerification,
    Onboarding,
    OnboardingStepDone,
    Profile,
    WelcomeMailText,
)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"person{n}")
    email = factory.LazyAttribute(lambda obj: f"{obj.username}@example.org")
    password = factory.django.Password("ein-sicheres-passwort-42")

    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)


class VerifiedEmailFactory(factory.django.DjangoModelFactory):
    """The allauth address record that lets an account log in."""

    user = factory.SubFactory(UserFactory)
    email = factory.LazyAttribute(lambda obj: obj.user.email)
    verified = True
    primary = True

    class Meta:
        model = EmailAddress


class ProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    display_name = factory.Sequence(lambda n: f"Genossin {n}")

    class Meta:
        model = Profile
        django_get_or_create = ("user",)


class MembershipVerificationFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    membership_number = factory.Sequence(lambda n: f"{100000 + n}")

    class Meta:
        model = MembershipVerification


class OnboardingFactory(factory.django.DjangoModelFactory):
    """A new member's record, with an account unless ``user=None`` and an email."""

    user = factory.SubFactory(UserFactory)
    joined_on = factory.LazyFunction(timezone.localdate)
    source = "verification"

    class Meta:
        model = Onboarding


class OnboardingStepDoneFactory(factory.django.DjangoModelFactory):
    onboarding = factory.SubFactory(OnboardingFactory)
    step = "welcome_mail"
    done_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = OnboardingStepDone
        django_get_or_create = ("onboarding", "step")


class WelcomeMailTextFactory(factory.django.DjangoModelFactory):
    language = "de"
    subject = "Willkommen, {name}!"
    body = "Hallo {name}, willkommen in {district}. Nächstes Treffen: {next_meeting}"

    class Meta:
        model = WelcomeMailText
        django_get_or_create = ("language",)
