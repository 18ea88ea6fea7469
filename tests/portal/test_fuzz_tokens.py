"""Random and mangled tokens in mailed links are a 4xx and change nothing.

Registration confirm/accept/cancel, subscription confirm/settings/unsubscribe,
volunteer-pool answer/decline, mentoring proposals and allauth's e-mail
confirmation and password reset keys: opened (GET) or pressed (POST) with a
token that is not the one mailed, each answers 400, 404 or 410.
"""

from urllib.parse import quote

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.contrib.auth import get_user_model
from hypothesis import assume, given
from hypothesis import strategies as st

from members.factories import (
    MentoringPairFactory,
    PoolMessageFactory,
    VerifiedEmailFactory,
)
from members.models import MentoringPair, PoolMessage
from registrations.factories import RegistrationFactory
from registrations.models import Registration, RegistrationMode
from registrations.services import registration_token
from subscriptions.factories import SubscriberFactory
from subscriptions.models import Subscriber
from subscriptions.services.subscriptions import subscriber_token
from tests.fuzz import NASTY
from tests.registrations.registration_helpers import registrable_event

LINKS = {
    "registration_confirm": "/mitmachen/anmeldung/bestaetigen/{}/",
    "registration_accept": "/mitmachen/anmeldung/platz-annehmen/{}/",
    "registration_cancel": "/mitmachen/anmeldung/absagen/{}/",
    "subscription_confirm": "/abonnieren/bestaetigen/{}/",
    "subscription_settings": "/abonnieren/einstellungen/{}/",
    "subscription_unsubscribe": "/abonnieren/abmelden/{}/",
    "pool_answer": "/konto/mitmachen-pool/nachricht/{}/antworten/",
    "pool_decline": "/konto/mitmachen-pool/nachricht/{}/ablehnen/",
    "mentoring_proposal": "/konto/mentoring/vorschlag/{}/",
    "confirm_email": "/konto/confirm-email/{}/",
    "password_reset": "/konto/password/reset/key/{}/",
}


@pytest.fixture(autouse=True)
def _no_rate_limits(settings):
    settings.ACCOUNT_RATE_LIMITS = False


@pytest.fixture
def valid_tokens(event_index, make_user):
    """One genuine token per link, to mangle."""
    event = registrable_event(
        event_index, registration_mode=RegistrationMode.OPEN, capacity=5
    )
    registration = RegistrationFactory(
        page=event, status=Registration.Status.UNCONFIRMED, confirmed_at=None
    )
    offered = RegistrationFactory(page=event, status=Registration.Status.OFFERED)
    subscriber = SubscriberFactory()
    message = PoolMessageFactory()
    pair = MentoringPairFactory()
    user = make_user("schluessel")
    VerifiedEmailFactory(user=user)
    address = EmailAddress.objects.create(
        user=make_user("unbestaetigt"),
        email="unbestaetigt@example.org",
        verified=False,
        primary=True,
    )
    return {
        "registration_confirm": registration_token(
            registration=registration, purpose="confirm"
        ),
        "registration_accept": registration_token(
            registration=offered, purpose="accept"
        ),
        "registration_cancel": registration_token(
            registration=registration, purpose="cancel"
        ),
        "subscription_confirm": "x",  # signed JSON; random text covers it
        "subscription_settings": subscriber_token(subscriber=subscriber),
        "subscription_unsubscribe": subscriber_token(subscriber=subscriber),
        "pool_answer": message.token,
        "pool_decline": message.token,
        "mentoring_proposal": pair.mentee_token,
        "confirm_email": EmailConfirmationHMAC(address).key,
        "password_reset": (
            f"{user_pk_to_url_str(user)}-{default_token_generator.make_token(user)}"
        ),
    }


def state():
    """What a token link could change."""
    return (
        list(Registration.objects.order_by("pk").values_list("pk", "status")),
        list(Subscriber.objects.order_by("pk").values_list("pk", "confirmed_at")),
        list(PoolMessage.objects.order_by("pk").values_list("pk", "status")),
        list(MentoringPair.objects.order_by("pk").values_list("pk", "status")),
        list(EmailAddress.objects.order_by("pk").values_list("pk", "verified")),
        list(get_user_model().objects.order_by("pk").values_list("pk", "password")),
    )


@st.composite
def mangled(draw, token):
    """``token`` cut, with a character changed, or with junk added."""
    position = draw(st.integers(min_value=0, max_value=max(len(token) - 1, 0)))
    junk = draw(st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=5)))
    result = draw(
        st.sampled_from(
            [
                token[:position],
                token[:position] + junk + token[position + 1 :],
                token + junk,
                junk + token,
                token.upper(),
                token[::-1],
            ]
        )
    )
    assume(result != token)
    return result


def random_tokens():
    return st.one_of(
        st.sampled_from(NASTY),
        st.text(st.characters(exclude_categories=()), min_size=1, max_size=80),
        st.from_regex(r"\A[-:\w]{1,120}\Z"),
        st.sampled_from(["x" * 5000, "1:" * 500, "a-b" * 300]),
    )


@given(link=st.sampled_from(sorted(LINKS)), post=st.booleans(), data=st.data())
def test_random_or_mangled_tokens_are_a_4xx_and_change_nothing(
    client, valid_tokens, link, post, data
):
    token = data.draw(
        st.one_of(random_tokens(), mangled(valid_tokens[link])), label="token"
    )
    before = state()
    url = LINKS[link].format(quote(token.encode("utf-8", "surrogatepass"), safe=""))

    if post:
        response = client.post(url, {"decision": "accept", "text": "Ja, gern."})
    else:
        response = client.get(url)

    assert 400 <= response.status_code < 500, (response.status_code, url)
    assert state() == before


ID_URLS = [
    ("get", "/mitmachen/anmeldung/{}/"),
    ("post", "/mitmachen/anmeldung/{}/"),
    ("get", "/mitmachen/anmeldung/{}/danke/"),
    ("post", "/mitmachen/anmeldung/meine/{}/absagen/"),
    ("post", "/mitmachen/anmeldung/meine/{}/platz-annehmen/"),
    ("post", "/mitmachen/kommentare/seite/{}/"),
    ("post", "/mitmachen/kommentare/{}/antworten/"),
    ("get", "/mitmachen/kommentare/{}/bearbeiten/"),
    ("post", "/mitmachen/kommentare/{}/loeschen/"),
    ("get", "/mitmachen/kommentare/{}/melden/"),
    ("get", "/mitmachen/umfragen/{}/"),
    ("get", "/mitmachen/umfragen/anrufen/{}/"),
    ("get", "/mitmachen/arbeitsgruppen/{}/mitglieder/"),
    ("post", "/konto/mentoring/{}/zurueckziehen/"),
    ("post", "/rueckmeldung/{}/"),
]


@given(
    target=st.sampled_from(ID_URLS),
    number=st.one_of(
        st.integers(min_value=0, max_value=10**6),
        st.integers(min_value=2**31 - 2, max_value=2**64 + 2),
        st.just(10**40),
    ),
)
def test_unknown_ids_in_urls_are_a_4xx(client, member_user, target, number):
    client.force_login(member_user)
    method, url = target

    response = getattr(client, method)(url.format(number))

    assert 300 <= response.status_code < 500, (response.status_code, url)


@pytest.mark.parametrize("link", sorted(LINKS))
@pytest.mark.parametrize("token", ["a\x00b", "\x00", "%00"])
def test_nul_in_a_token_is_a_4xx(client, valid_tokens, link, token):
    """PostgreSQL refuses NUL in a query: a lookup by such a token must not reach it."""
    url = LINKS[link].format(quote(token, safe=""))

    assert 400 <= client.get(url).status_code < 500
    assert 400 <= client.post(url).status_code < 500
