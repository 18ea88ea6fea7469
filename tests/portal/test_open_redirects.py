"""No open redirects: ``next=`` only ever leads to an address of the portal."""

import pytest
from django.urls import reverse

from members.factories import VerifiedEmailFactory
from tests.conftest import PASSWORD

FOREIGN = [
    "https://evil.example/",
    "//evil.example/",
    "/\\evil.example/",
    "https:evil.example",
    "javascript:alert(1)",
]


@pytest.fixture
def account(member_user):
    VerifiedEmailFactory(user=member_user)
    return member_user


@pytest.mark.parametrize("target", FOREIGN)
def test_login_ignores_a_foreign_next(client, account, home_page, target):
    response = client.post(
        f"{reverse('members:login')}?next={target}",
        {"login": account.email, "password": PASSWORD, "next": target},
    )

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]
    assert not response["Location"].startswith("javascript")


def test_login_follows_a_next_within_the_portal(client, account, home_page):
    response = client.post(
        reverse("members:login"),
        {"login": account.email, "password": PASSWORD, "next": "/abonnieren/"},
    )

    assert response["Location"] == "/abonnieren/"


@pytest.mark.parametrize("target", FOREIGN)
def test_logout_ignores_a_foreign_next(client, account, home_page, target):
    client.force_login(account)

    response = client.post(reverse("members:logout"), {"next": target})

    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


@pytest.mark.parametrize("target", FOREIGN)
def test_the_admin_login_redirect_keeps_next_for_the_site_login_to_check(
    client, db, target
):
    response = client.get("/admin/login/", {"next": target})

    assert response["Location"].startswith(reverse("members:login"))
