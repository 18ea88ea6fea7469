"""A person with data in every app that stores personal data."""

from allauth.account.models import EmailAddress

from comments.factories import CommentFactory
from comments.models import CommentReport
from core.models import OutgoingMail
from dialog.factories import ForumPageFactory
from members.factories import (
    MembershipVerificationFactory,
    PoolEntryFactory,
    ProfileFactory,
    VerifiedEmailFactory,
)
from members.services import consent_give
from news.factories import SubscriptionFactory
from registrations.factories import RegistrationFactory
from subscriptions.factories import SubscriberFactory
from surveys.factories import (
    SurveyAnswerFactory,
    SurveyParticipationFactory,
    SurveyPhoneConsentFactory,
    SurveyResponseFactory,
)
from tests.registrations.registration_helpers import registrable_event
from tests.surveys.survey_helpers import survey_with_all_kinds
from tests.utils import in_days


def person_with_data(user, *, name, district, event_index, home_page, phone):
    """Give ``user`` data everywhere; every text carries ``name`` so a test can
    search for it. Returns the pages that hold their registrations and comments."""
    VerifiedEmailFactory(user=user)
    EmailAddress.objects.create(
        user=user, email=f"{user.username}.alt@example.org", verified=True
    )
    user.first_name, user.last_name = name.split()
    user.save()
    ProfileFactory(user=user, display_name=name, district=district)
    consent_give(user=user, kind="news_by_email")
    MembershipVerificationFactory(
        user=user, district=district, membership_number=f"{user.pk}4711"
    )
    event = registrable_event(
        event_index, title=f"Basiskonferenz {user.username}", registration_mode="open"
    )
    past = registrable_event(event_index, start=in_days(-3), registration_mode="open")
    RegistrationFactory(
        page=event,
        user=user,
        name="",
        email="",
        children_ages=[2, 5],
        accessibility_other=f"Rampe für {name}",
    )
    RegistrationFactory(
        page=past,
        user=None,
        name=name,
        email=f"{user.username}.alt@example.org",
        organisation=f"Initiative {name}",
    )
    forum = ForumPageFactory(parent=home_page, comments_mode="logged_in")
    CommentFactory(page=forum, author=user, body=f"Mein Beitrag, {user.username}")
    foreign = CommentFactory(page=forum, body="Ein anderer Beitrag")
    CommentReport.objects.create(
        comment=foreign, reporter=user, reason="spam", text=f"Gemeldet von {name}"
    )
    SubscriptionFactory(subscriber=SubscriberFactory(email=user.email, user=user))
    SubscriptionFactory(
        subscriber=SubscriberFactory(email=f"{user.username}.alt@example.org")
    )
    survey, questions = survey_with_all_kinds(title=f"Befragung {user.username}")
    SurveyParticipationFactory(survey=survey, member=user)
    # The answers are anonymous: nothing of them belongs to the person.
    SurveyAnswerFactory(
        response=SurveyResponseFactory(survey=survey),
        question=questions["text"],
        text="Mehr Kiezarbeit",
    )
    SurveyPhoneConsentFactory(user=user, phone=phone)
    PoolEntryFactory(user=user, availability_note=f"Abends, {name}")
    for address in (user.email, f"{user.username}.alt@example.org"):
        # an account mail the mail server refused, kept with its text
        OutgoingMail.objects.create(
            builder="core.outbox.stored_message",
            arguments={
                "subject": "Bitte bestätige deine Adresse",
                "body": f"Hallo {name}, dein Link: https://example.org/k/abc",
                "from_email": "portal@example.org",
                "to": [address.upper()],
                "headers": {},
                "alternatives": [],
            },
            attempts=1,
        )
    return event, past, forum
