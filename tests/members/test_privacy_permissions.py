"""Who may open the own-data and erasure pages (rows for the permission matrix)."""

import json

import pytest
from django.urls import reverse

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

MY_DATA = reverse("members:my_data")
EXPORT = reverse("members:my_data_export")
DELETE = reverse("members:account_delete")
DELETED = reverse("members:account_deleted")


def status(client, method, url, data=None):
    return getattr(client, method)(url, data or {}).status_code


@pytest.mark.parametrize(
    ("method", "url"),
    [("get", MY_DATA), ("post", EXPORT), ("get", EXPORT), ("get", DELETE)],
)
def test_visitors_are_sent_to_the_login(client, home_page, method, url):
    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))


def test_visitors_cannot_erase_anything(client, home_page, member_user):
    response = client.post(DELETE, {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))


def test_the_confirmation_page_is_public(client, home_page):
    assert status(client, "get", DELETED) == 200


@pytest.mark.parametrize(
    "role", ["member_user", "non_member_user", "superuser", "state_office_user"]
)
def test_every_logged_in_role_sees_and_downloads_their_own_data(
    client, home_page, role, request
):
    user = request.getfixturevalue(role)
    client.force_login(user)

    assert status(client, "get", MY_DATA) == 200
    assert status(client, "get", EXPORT) == 405
    download = client.post(EXPORT)
    assert download.status_code == 200
    assert json.loads(download.content)["account"]["username"] == user.username


@pytest.mark.parametrize(
    ("role", "shown", "posted"),
    [
        ("member_user", 200, 302),
        ("non_member_user", 200, 302),
        ("superuser", 200, 403),
        ("state_office_user", 200, 403),
        ("district_editor", 200, 403),
    ],
)
def test_erasure_statuses_per_role(client, home_page, role, shown, posted, request):
    user = request.getfixturevalue(role)
    client.force_login(user)

    assert status(client, "get", DELETE) == shown
    assert status(client, "post", DELETE, {"password": PASSWORD, "confirm": "on"}) == (
        posted
    )


def test_no_parameter_gives_another_persons_data(client, member_user, make_user):
    other = make_user("karl", first_name="Karl")
    client.force_login(member_user)

    response = client.post(
        f"{EXPORT}?user={other.pk}", {"user": other.pk, "username": "karl"}
    )

    text = response.content.decode()
    assert json.loads(text)["account"]["username"] == member_user.username
    assert other.email not in text and "Karl" not in text


def test_no_parameter_erases_another_account(client, member_user, make_user):
    other = make_user("karl")
    client.force_login(member_user)

    client.post(DELETE, {"password": PASSWORD, "confirm": "on", "user": other.pk})

    other.refresh_from_db()
    assert other.email == "karl@example.org"


@pytest.mark.parametrize("method", ["put", "delete", "patch"])
def test_other_methods_are_refused(client, member_user, method):
    client.force_login(member_user)

    assert status(client, method, DELETE) == 405
    assert status(client, method, MY_DATA) == 405
