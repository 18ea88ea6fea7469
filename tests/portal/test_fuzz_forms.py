"""Every public form survives random, unicode, huge, malformed and missing data.

Each form is posted through the test client as a visitor or a member would,
with any subset of its fields (valid choices now and then, anything else
otherwise) plus keys it does not know. It never answers a 5xx; a refusal
(4xx) stores nothing, and what a success stores fits its columns.
"""

from dataclasses import dataclass, field

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db import models
from hypothesis import event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from comments.factories import CommentFactory
from comments.forms import CommentReportForm
from comments.models import Comment, CommentReport
from dialog.factories import ForumPageFactory
from members.factories import (
    MentoringPairFactory,
    PoolMessageFactory,
    ProfileFactory,
)
from members.forms import (
    MentoringApplicationForm,
    PoolEntryForm,
    ProfileForm,
)
from members.models import (
    Consent,
    MembershipVerification,
    MentoringApplication,
    MentoringPair,
    PoolEntry,
    PoolMessage,
    Profile,
)
from registrations.forms import RegistrationForm
from registrations.models import Registration, RegistrationMode
from subscriptions.factories import SubscriberFactory
from subscriptions.forms import SubscribeForm, SubscriptionSettingsForm
from subscriptions.models import Subscriber, Subscription
from subscriptions.services.subscriptions import subscriber_token
from surveys.models import (
    SurveyAnswer,
    SurveyParticipation,
    SurveyPhoneConsent,
    SurveyResponse,
)
from tests.conftest import PASSWORD
from tests.fuzz import assert_no_server_error, form_data, mutated, post, row_counts
from tests.registrations.registration_helpers import registrable_event
from tests.surveys.survey_helpers import answer_data, survey_with_all_kinds
from tests.utils import human_form_fields, in_days
from tracker.forms import FeedbackForm
from tracker.models import BriefingFeedback

STORED = [
    get_user_model(),
    EmailAddress,
    Profile,
    Consent,
    MembershipVerification,
    Registration,
    Comment,
    CommentReport,
    Subscriber,
    Subscription,
    SurveyParticipation,
    SurveyResponse,
    SurveyAnswer,
    SurveyPhoneConsent,
    PoolEntry,
    PoolMessage,
    MentoringApplication,
    MentoringPair,
    BriefingFeedback,
]
BOOLEAN = ["on", "true", "1", ""]


def choices(form_class, name, **form_kwargs):
    """The values a browser would send for ``name`` (from the form's choices)."""
    form_field = (
        form_class(**form_kwargs).fields[name]
        if form_kwargs
        else form_class.base_fields[name]
    )
    values = []
    for value, label in getattr(form_field, "choices", []):
        if isinstance(label, list | tuple):  # optgroups
            values.extend(str(inner) for inner, _label in label)
        elif value not in ("", None):
            values.append(str(getattr(value, "value", value)))
    return values


def first(form_class, name, **form_kwargs):
    return choices(form_class, name, **form_kwargs)[0]


@dataclass
class Form:
    url: str
    valid: dict
    fields: dict = field(default_factory=dict)
    login: str = ""  # username of the account that posts; a visitor if empty
    bot_form: str = ""  # the form's name in its bot-check token (core.bot_protection)


@pytest.fixture(autouse=True)
def _no_limits(settings):
    """Rate limits would answer most examples with a 429 and test nothing else."""
    settings.PORTAL_RATE_LIMITS = {}
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def forms(event_index, home_page, district, member_user, public_briefing, make_user):
    """The public forms: a valid post each, and values a browser would send."""
    ProfileFactory(user=member_user, display_name="Rosa L.", district=district)
    make_user("gast")
    guests = registrable_event(
        event_index,
        registration_mode=RegistrationMode.OPEN,
        capacity=1000,
        childcare_offered=True,
        accessibility_questions=True,
    )
    members = registrable_event(event_index, capacity=1000)
    forum = ForumPageFactory(
        parent=home_page, comments_mode="members", moderation="post"
    )
    comment = CommentFactory(page=forum, author=make_user("autorin"))
    survey, questions = survey_with_all_kinds()
    message = PoolMessageFactory(recipient=member_user)
    pair = MentoringPairFactory()
    subscriber = SubscriberFactory()
    frequencies = {
        name: choices(SubscriptionSettingsForm, name, subscriber=subscriber)
        for name in SubscriptionSettingsForm(subscriber=subscriber).fields
        if name != "language"
    }
    some_frequency = {name: values[0] for name, values in frequencies.items()}
    children = choices(RegistrationForm, "children", page=guests, user=None)
    pool_choices = {
        name: choices(PoolEntryForm, name, data=None)
        for name in ("skills", "districts", "languages", "availability")
    }
    mentoring_choices = {
        name: choices(MentoringApplicationForm, name, data=None)
        for name in ("role", "languages", "district", "availability")
    }
    return {
        "guest_registration": Form(
            url=f"/mitmachen/anmeldung/{guests.pk}/",
            bot_form="registration",
            valid={
                "name": "Hanna Beispiel",
                "email": "hanna@example.org",
                "organisation": "Mieterinitiative Kotti",
                "children": children[1],
                "child_age_1": "3",
                "consent": "on",
            },
            fields={
                "email": ["hanna@example.org", "a@b", "x@例え.jp"],
                "children": children,
                "child_age_1": ["0", "17", "-1", "120"],
                "child_age_2": ["5"],
                "needs_step_free": BOOLEAN,
                "accessibility_other": ["Gebärdensprache"],
                "online": BOOLEAN,
            },
        ),
        "member_registration": Form(
            url=f"/mitmachen/anmeldung/{members.pk}/",
            bot_form="registration",
            login="rosa",
            valid={"consent": "on"},
            fields={"online": BOOLEAN, "needs_step_free": BOOLEAN},
        ),
        "comment": Form(
            url=f"/mitmachen/kommentare/seite/{forum.pk}/",
            login="rosa",
            valid={"body": "Gute Idee!", "notify_on_reply": "on"},
        ),
        "comment_reply": Form(
            url=f"/mitmachen/kommentare/{comment.pk}/antworten/",
            login="rosa",
            valid={"body": "Stimmt."},
            fields={"notify_on_reply": BOOLEAN},
        ),
        "comment_report": Form(
            url=f"/mitmachen/kommentare/{comment.pk}/melden/",
            login="rosa",
            valid={"reason": first(CommentReportForm, "reason"), "text": "Spam"},
            fields={"reason": choices(CommentReportForm, "reason")},
        ),
        "subscription": Form(
            url="/abonnieren/",
            bot_form="subscribe",
            valid={
                "email": "leser@example.org",
                "kinds": first(SubscribeForm, "kinds"),
                "frequency": first(SubscribeForm, "frequency"),
                "consent": "on",
            },
            fields={
                "kinds": choices(SubscribeForm, "kinds"),
                "topics": choices(SubscribeForm, "topics", data=None),
                "districts": [str(district.pk)],
                "frequency": choices(SubscribeForm, "frequency"),
                "website": [""],
            },
        ),
        "subscription_settings": Form(
            url=f"/abonnieren/einstellungen/{subscriber_token(subscriber=subscriber)}/",
            valid={"language": "de", **some_frequency},
            fields={"language": ["de", "en", "tr", "ar"], **frequencies},
        ),
        "subscription_mine": Form(
            url="/abonnieren/meine/",
            login="rosa",
            valid={"language": "de", "consent": "on", **some_frequency},
            fields=frequencies,
        ),
        "signup": Form(
            url="/konto/registrieren/",
            bot_form="signup",
            valid={
                "email": "neu@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "display_name": "Neu",
            },
            fields={"email": ["rosa@example.org"]},
        ),
        "login": Form(
            url="/konto/anmelden/",
            valid={"login": "rosa", "password": PASSWORD},
            fields={"login": ["rosa@example.org"]},
        ),
        "password_reset": Form(
            url="/konto/passwort-vergessen/",
            valid={"email": "rosa@example.org"},
            fields={"email": ["niemand@example.org"]},
        ),
        "survey_answer": Form(
            url=f"/mitmachen/umfragen/{survey.pk}/",
            login="rosa",
            valid=answer_data(questions, multiple=["Bildung"], text="Mehr Kurse"),
            fields={
                f"question_{questions['single'].pk}": ["Ja", "Nein"],
                f"question_{questions['multiple'].pk}": ["Stammtisch", "Bildung"],
                f"question_{questions['scale'].pk}": ["1", "5", "0", "6"],
            },
        ),
        "phone_consent": Form(
            url="/mitmachen/umfragen/telefon/",
            login="rosa",
            valid={"phone": "030 1234567", "consent": "on"},
            fields={"phone": ["+49 30 1234567", "12"], "action": ["withdraw"]},
        ),
        "pool_entry": Form(
            url="/konto/mitmachen-pool/",
            login="rosa",
            valid={name: values[0] for name, values in pool_choices.items()}
            | {"other_skills": "Grafik", "availability_note": "abends"}
            | {"consent": "on"},
            fields=pool_choices,
        ),
        "pool_pause": Form(
            url="/konto/mitmachen-pool/pausieren/",
            login="rosa",
            valid={"until": in_days(30).date().isoformat()},
            fields={"until": ["2020-01-01", "24.12.2026"]},
        ),
        "pool_answer": Form(
            url=f"/konto/mitmachen-pool/nachricht/{message.token}/antworten/",
            valid={"text": "Ja, ich helfe gern."},
        ),
        "mentoring_application": Form(
            url="/konto/mentoring/",
            login="rosa",
            valid={name: values[0] for name, values in mentoring_choices.items()}
            | {"goals": "Reden üben", "consent": "on"},
            fields=mentoring_choices
            | {
                "self_identification": choices(
                    MentoringApplicationForm, "self_identification"
                )
            },
        ),
        "mentoring_proposal": Form(
            url=f"/konto/mentoring/vorschlag/{pair.mentee_token}/",
            valid={"decision": "accept"},
            fields={"decision": ["decline"]},
        ),
        "briefing_feedback": Form(
            url=f"/rueckmeldung/{public_briefing.pk}/",
            login="rosa",
            valid={"answer": first(FeedbackForm, "answer"), "consent": "on"},
            fields={"answer": choices(FeedbackForm, "answer"), "withdraw": ["1"]},
        ),
        "profile": Form(
            url="/konto/profil/",
            login="rosa",
            valid={
                "display_name": "Rosa",
                "district": str(district.pk),
                "languages": "de",
                "preferred_language": "de",
            },
            fields={
                name: choices(ProfileForm, name, data=None)
                for name in ProfileForm().fields
                if name != "display_name"
            },
        ),
        "verification": Form(
            url="/konto/mitgliedschaft/",
            login="gast",
            valid={"district": str(district.pk), "membership_number": "12345"},
        ),
    }


def _text_columns(model):
    return [
        column
        for column in model._meta.concrete_fields
        if isinstance(column, models.CharField | models.TextField)
    ]


def assert_rows_fit_their_columns(before_ids):
    """New rows hold no NUL and no text longer than the column (SQLite lets both in)."""
    for model in STORED:
        new = model._base_manager.exclude(pk__in=before_ids[model._meta.label])
        for row in new:
            for column in _text_columns(model):
                value = getattr(row, column.attname) or ""
                assert "\x00" not in value, (model, column.name)
                if column.max_length:
                    assert len(value) <= column.max_length, (model, column.name)


@pytest.mark.parametrize(
    "name",
    [
        "guest_registration",
        "member_registration",
        "comment",
        "comment_reply",
        "comment_report",
        "subscription",
        "subscription_settings",
        "subscription_mine",
        "signup",
        "login",
        "password_reset",
        "survey_answer",
        "phone_consent",
        "pool_entry",
        "pool_pause",
        "pool_answer",
        "mentoring_application",
        "mentoring_proposal",
        "briefing_feedback",
        "profile",
        "verification",
    ],
)
@hypothesis_settings(max_examples=12)
@given(data=st.data())
def test_form_never_fails_and_stores_nothing_when_refused(client, forms, name, data):
    form = forms[name]
    client.logout()
    if form.login:
        client.force_login(get_user_model().objects.get(username=form.login))
    values = data.draw(
        st.one_of(
            form_data({**dict.fromkeys(form.valid, ()), **form.fields}),
            mutated(form.valid, form.fields),
        ),
        label="form data",
    )
    before = row_counts(*STORED)
    before_ids = {
        model._meta.label: list(model._base_manager.values_list("pk", flat=True))
        for model in STORED
    }

    response = post(client, form.url, values, **human_form_fields(form.bot_form))

    event(f"HTTP {response.status_code}")
    assert_no_server_error(response)
    if refused(response):
        assert row_counts(*STORED) == before
    assert_rows_fit_their_columns(before_ids)


def refused(response):
    """A 4xx, or the form shown again with errors (allauth's forms: 200)."""
    if response.status_code >= 400:
        return True
    form = response.context.get("form") if response.context else None
    return bool(getattr(form, "errors", None))


def test_valid_posts_are_accepted(client, forms):
    """The fuzz starts from posts that work: each form accepts its valid data."""
    for name, form in forms.items():
        client.logout()
        if form.login:
            client.force_login(get_user_model().objects.get(username=form.login))
        response = post(
            client, form.url, form.valid, **human_form_fields(form.bot_form)
        )
        assert response.status_code in (200, 302), (name, response.status_code)
        assert not refused(response), (name, response.context.get("form").errors)
