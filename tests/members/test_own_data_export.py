"""A person downloads everything the portal stores about them, and nothing else."""

import json

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from core.audit import EXPORTED
from tests.members.privacy_helpers import person_with_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def rosa(member_user, district, event_index, home_page):
    person_with_data(
        member_user,
        name="Rosa Luxemburg",
        district=district,
        event_index=event_index,
        home_page=home_page,
        phone="030 1111111",
    )
    return member_user


@pytest.fixture
def karl(make_user, members_group, other_district, event_index, home_page):
    user = make_user("karl", groups=[members_group])
    person_with_data(
        user,
        name="Karl Liebknecht",
        district=other_district,
        event_index=event_index,
        home_page=home_page,
        phone="030 2222222",
    )
    return user


def download(client, user):
    client.force_login(user)
    response = client.post(reverse("members:my_data_export"))
    assert response.status_code == 200, response.status_code
    return response


def test_the_download_is_a_private_json_attachment(client, rosa):
    response = download(client, rosa)

    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"].startswith("attachment;")
    assert "meine-daten.json" in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_the_download_holds_every_kind_of_personal_data(client, rosa):
    data = json.loads(download(client, rosa).content)

    account = data["account"]
    assert account["email"] == rosa.email
    assert account["profile"]["display_name"] == "Rosa Luxemburg"
    assert {a["email"] for a in account["email_addresses"]} == {
        rosa.email,
        "rosa.alt@example.org",
    }
    consent = account["consents"][0]
    assert (consent["kind"], consent["version"]) == ("news_by_email", 1)
    assert consent["given_at"] and consent["withdrawn_at"] is None
    assert "Neuigkeiten" in consent["wording"]
    assert account["membership_verifications"][0]["membership_number"].endswith("4711")
    registrations = {r["as_guest"]: r for r in data["registrations"]}
    assert registrations[False]["children_ages"] == [2, 5]
    assert registrations[True]["organisation"] == "Initiative Rosa Luxemburg"
    assert data["comments"]["written"][0]["text"] == "Mein Beitrag, rosa"
    assert data["comments"]["reported"][0]["details"] == "Gemeldet von Rosa Luxemburg"
    assert {s["email"] for s in data["subscriptions"]} == {
        rosa.email,
        "rosa.alt@example.org",
    }
    assert data["surveys"]["participations"][0]["survey"] == "Befragung rosa"
    assert "Mehr Kiezarbeit" not in str(data["surveys"])
    assert data["surveys"]["phone_consent"]["phone"] == "030 1111111"
    assert data["volunteer_pool"]["entry"]["availability_note"] == (
        "Abends, Rosa Luxemburg"
    )
    for key in ("sessions", "mentoring", "onboarding", "working_groups"):
        assert key in data


def test_the_download_holds_nothing_of_another_person(client, rosa, karl):
    text = download(client, rosa).content.decode()

    for trace in (
        "Karl",
        "Liebknecht",
        karl.email,
        "karl.alt@example.org",
        "030 2222222",
        f"{karl.pk}4711",
    ):
        assert trace not in text
    assert "Rosa Luxemburg" in text


def test_the_download_is_written_to_the_audit_log(client, rosa):
    download(client, rosa)

    entry = ModelLogEntry.objects.get(action=EXPORTED)
    assert entry.user_id == rosa.pk
    assert entry.data == {"what": "own data", "count": 1}


def test_downloads_are_limited_per_hour(client, rosa, settings):
    settings.PORTAL_RATE_LIMITS = {
        **settings.PORTAL_RATE_LIMITS,
        "data_export": {"user": "2/3600"},
    }
    client.force_login(rosa)
    statuses = [
        client.post(reverse("members:my_data_export")).status_code for _ in range(3)
    ]

    assert statuses == [200, 200, 429]


def test_the_page_explains_the_download_and_the_profile_links_it(client, rosa):
    client.force_login(rosa)

    page = client.get(reverse("members:my_data"))
    profile = client.get(reverse("members:profile"))

    assert page.status_code == 200
    assert "<h1>Meine Daten</h1>" in page.text
    assert reverse("members:my_data_export") in page.text
    assert reverse("members:account_delete") in page.text
    assert reverse("members:my_data") in profile.text
