"""One client address for every limit, allauth's included: behind the trusted
proxies the entry they wrote counts, never one the client chose."""

import pytest
from allauth.account.adapter import get_adapter
from django.core import mail
from django.core.checks import run_checks
from django.test import RequestFactory
from django.urls import reverse

from core.ratelimit import address_bucket, client_ip
from members.factories import VerifiedEmailFactory
from registrations.models import Registration, RegistrationMode
from tests.conftest import PASSWORD
from tests.registrations.registration_helpers import (
    guest_data,
    register_url,
    registrable_event,
)

PROXY = "10.20.0.2"
LOGIN_URL = reverse("members:login")


@pytest.fixture
def behind_one_proxy(settings):
    """gunicorn behind one nginx with ``$proxy_add_x_forwarded_for``."""
    settings.PORTAL_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    return settings


def address_of(forwarded_for=None, *, remote=PROXY, **meta):
    if forwarded_for is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client_ip(RequestFactory().get("/", REMOTE_ADDR=remote, **meta))


def test_without_trusted_proxies_the_peer_address_counts(settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 0

    assert address_of("203.0.113.7", remote="198.51.100.4") == "198.51.100.4"


def test_the_entry_the_proxy_appended_counts_not_the_leftmost(behind_one_proxy):
    assert address_of("6.6.6.6, 198.51.100.4") == "198.51.100.4"


def test_two_trusted_proxies_take_the_second_entry_from_the_right(settings):
    settings.PORTAL_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 2

    assert address_of("6.6.6.6, 198.51.100.4, 10.20.0.9") == "198.51.100.4"


def test_too_few_entries_fall_back_to_the_peer_address(settings):
    settings.PORTAL_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 2

    assert address_of("198.51.100.4") == PROXY


def test_a_missing_header_falls_back_to_the_peer_address(behind_one_proxy):
    assert address_of() == PROXY


@pytest.mark.parametrize(
    "entry", ["unknown", "", "1.2.3.999", "<script>", "198.51.100.4 x", "::::"]
)
def test_a_garbage_entry_falls_back_to_the_peer_address(behind_one_proxy, entry):
    assert address_of(f"198.51.100.4, {entry}") == PROXY


@pytest.mark.parametrize(
    ("entry", "address"),
    [
        ("198.51.100.4:51234", "198.51.100.4"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:DB8:0::1", "2001:db8::1"),
    ],
)
def test_ports_brackets_and_spelling_are_normalised(behind_one_proxy, entry, address):
    assert address_of(f"6.6.6.6, {entry}") == address


def test_a_one_address_header_like_x_real_ip_counts_as_written(settings):
    settings.PORTAL_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1

    assert address_of("6.6.6.6", HTTP_X_REAL_IP="198.51.100.4") == "198.51.100.4"


def test_allauth_counts_the_same_address(behind_one_proxy):
    request = RequestFactory().get(
        "/", REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4"
    )

    assert get_adapter(request).get_client_ip(request) == "198.51.100.4"


def test_failed_logins_of_many_clients_behind_the_proxy_lock_nobody_else_out(
    client, behind_one_proxy, member_user, make_user
):
    VerifiedEmailFactory(user=member_user)
    other = make_user("clara")
    VerifiedEmailFactory(user=other)
    for number in range(15):
        client.post(
            LOGIN_URL,
            {"login": f"person{number}@example.org", "password": "falsch"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"198.51.100.{number + 1}",
        )

    statuses = []
    for number, user in enumerate([member_user, other]):
        client.logout()
        response = client.post(
            LOGIN_URL,
            {"login": user.email, "password": PASSWORD},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"203.0.113.{number + 1}",
        )
        statuses.append(response.status_code)

    assert statuses == [302, 302]


def test_failed_logins_from_one_client_behind_the_proxy_are_still_limited(
    client, behind_one_proxy, home_page
):
    statuses = [
        client.post(
            LOGIN_URL,
            {"login": f"person{number}@example.org", "password": "falsch"},
            REMOTE_ADDR=PROXY,
            HTTP_X_FORWARDED_FOR=f"6.6.6.{number}, 198.51.100.1",
        ).status_code
        for number in range(11)
    ]

    assert statuses == [200] * 10 + [429]


def test_a_spoofed_leftmost_forwarded_for_does_not_lift_the_limit(
    client, behind_one_proxy, event_index, django_capture_on_commit_callbacks
):
    behind_one_proxy.PORTAL_RATE_LIMITS = {
        **behind_one_proxy.PORTAL_RATE_LIMITS,
        "registration": {"ip": "3/3600", "user": "3/3600"},
    }
    statuses = []
    for number in range(15):
        event = registrable_event(
            event_index, registration_mode=RegistrationMode.OPEN, capacity=10
        )
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                register_url(event),
                guest_data(client=client, email=f"gast{number}@example.org"),
                REMOTE_ADDR=PROXY,
                HTTP_X_FORWARDED_FOR=f"192.0.2.{number}, 198.51.100.77",
            )
        statuses.append(response.status_code)

    assert statuses == [302] * 3 + [429] * 12
    assert len(mail.outbox) == 3
    assert Registration.objects.count() == 3


def check_ids(settings):
    return {
        message.id
        for message in run_checks(include_deployment_checks=True)
        if message.id.startswith("core.")
    }


def test_the_checks_accept_a_consistent_proxy_setup(settings, behind_one_proxy):
    assert check_ids(settings) == set()


def test_the_checks_report_a_proxy_header_that_no_proxy_count_trusts(settings):
    settings.PORTAL_CLIENT_IP_HEADER = "HTTP_X_FORWARDED_FOR"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 0

    assert check_ids(settings) == {"core.W001"}


def test_the_checks_report_a_one_address_header_behind_several_proxies(settings):
    settings.PORTAL_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    settings.PORTAL_TRUSTED_PROXY_COUNT = 2

    assert check_ids(settings) == {"core.W002"}


def test_the_checks_report_allauths_own_proxy_settings(settings, behind_one_proxy):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    assert check_ids(settings) == {"core.W003"}


def test_ipv4_clients_of_a_dual_stack_socket_keep_their_own_bucket():
    """``::ffff:198.51.100.4`` is one IPv4 client, not a /64 shared by all."""
    first = address_bucket("::ffff:198.51.100.4")
    second = address_bucket("::ffff:203.0.113.9")

    assert (first, second) == ("198.51.100.4", "203.0.113.9")
