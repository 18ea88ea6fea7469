import factory
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.utils import timezone

from .models import (
    MembershipVerification,
    MentoringApplication,
    MentoringPair,
    Onboarding,
    OnboardingStepDone,
    PoolEntry,
    PoolMessage,
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


class PoolEntryFactory(factory.django.DjangoModelFactory):
    """A consenting, unpaused entry; pass ``districts=[...]``, ``skills=[...]``."""

    user = factory.SubFactory(UserFactory)
    languages = factory.LazyFunction(lambda: {"de": True})
    availability = factory.LazyFunction(lambda: {"weekends": True})
    contact_consented_at = factory.LazyFunction(timezone.now)
    contact_consent_version = 1

    class Meta:
        model = PoolEntry
        skip_postgeneration_save = True

    @factory.post_generation
    def districts(self, create, extracted, **kwargs):
        if create and extracted:
            self.districts.set(extracted)

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create and extracted:
            self.skills.set(list(extracted))


class PoolMessageFactory(factory.django.DjangoModelFactory):
    sender = factory.SubFactory(UserFactory)
    recipient = factory.SubFactory(UserFactory)
    subject = "Plakate am Samstag"
    body = "Kannst du am Samstag beim Plakatieren helfen?"

    class Meta:
        model = PoolMessage


class MentoringApplicationFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory(UserFactory)
    role = MentoringApplication.Role.MENTEE
    goals = "Reden in der Bezirksverordnetenversammlung üben"
    languages = factory.LazyFunction(lambda: ["de"])
    availability = factory.LazyFunction(lambda: ["weekday_evenings"])
    consented_at = factory.LazyFunction(timezone.now)
    consent_version = 1

    class Meta:
        model = MentoringApplication


class MentoringPairFactory(factory.django.DjangoModelFactory):
    mentee_application = factory.SubFactory(
        MentoringApplicationFactory,
        role=MentoringApplication.Role.MENTEE,
        status=MentoringApplication.Status.MATCHED,
    )
    mentor_application = factory.SubFactory(
        MentoringApplicationFactory,
        role=MentoringApplication.Role.MENTOR,
        status=MentoringApplication.Status.MATCHED,
    )

    class Meta:
        model = MentoringPair


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
