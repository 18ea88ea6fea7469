import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from .models import MembershipVerification, Profile


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
