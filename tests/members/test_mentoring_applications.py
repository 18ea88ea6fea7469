import pytest

from members.factories import (
    MentoringApplicationFactory,
    MentoringPairFactory,
    ProfileFactory,
)
from members.models import MentoringApplication, MentoringPair

URL = "/konto/mentoring/"


@pytest.fixture
def member_client(client, member_user):
    client.force_login(member_user)
    return client


def application_data(district, **extra):
    data = {
        "role": "mentee",
        "goals": "Ich möchte lernen, eine Rede im Bezirk zu halten.",
        "languages": ["de", "ar"],
        "district": district.pk,
        "availability": ["weekday_evenings"],
        "self_identification": ["woman", "migration"],
        "self_identification_note": "",
        "consent": "on",
    }
    data.update(extra)
    return data


def test_member_applies_as_mentee_with_consent_time(
    member_client, member_user, district
):
    response = member_client.post(URL, application_data(district))

    assert response.status_code == 302
    application = MentoringApplication.objects.get(user=member_user)
    assert application.role == "mentee"
    assert application.status == "open"
    assert application.languages == ["de", "ar"]
    assert application.self_identification == ["woman", "migration"]
    assert application.consented_at is not None
    assert application.consent_version == 1
    page = member_client.get(URL).content.decode()
    assert "eine Rede im Bezirk" in page


def test_self_identification_is_optional(member_client, member_user, district):
    data = application_data(district, role="mentor", self_identification=[])

    member_client.post(URL, data)

    application = MentoringApplication.objects.get(user=member_user)
    assert application.role == "mentor" and application.self_identification == []


def test_application_without_consent_or_goals_is_refused(
    member_client, member_user, district
):
    data = application_data(district, goals="  ")
    del data["consent"]

    response = member_client.post(URL, data)

    assert response.status_code == 400
    assert response.content.decode().count("field--error") == 2
    assert not MentoringApplication.objects.exists()


def test_an_empty_application_is_refused_with_messages(member_client, district):
    response = member_client.post(URL, {})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Wähle Mentee oder Mentor*in." in html
    assert "Bitte beschreibe deine Ziele oder Themen." in html
    assert not MentoringApplication.objects.exists()


def test_second_current_application_in_the_same_role_is_refused(
    member_client, member_user, district
):
    MentoringApplicationFactory(user=member_user, role="mentee")

    response = member_client.post(URL, application_data(district))

    assert response.status_code == 400
    assert MentoringApplication.objects.filter(user=member_user).count() == 1


def test_non_member_cannot_apply(client, non_member_user, district):
    client.force_login(non_member_user)

    assert client.get(URL).status_code == 403
    assert client.post(URL, application_data(district)).status_code == 403
    assert not MentoringApplication.objects.exists()


def test_withdrawing_ends_the_pair_and_frees_the_partner(member_client, member_user):
    pair = MentoringPairFactory(mentee_application__user=member_user)

    response = member_client.post(f"{URL}{pair.mentee_application.pk}/zurueckziehen/")

    assert response.status_code == 302
    pair.refresh_from_db()
    assert pair.status == MentoringPair.Status.ENDED
    pair.mentee_application.refresh_from_db()
    pair.mentor_application.refresh_from_db()
    assert pair.mentee_application.status == "withdrawn"
    assert pair.mentee_application.withdrawn_at is not None
    assert pair.mentor_application.status == "open"


def test_nobody_withdraws_someone_elses_application(member_client):
    other = MentoringApplicationFactory()

    response = member_client.post(f"{URL}{other.pk}/zurueckziehen/")

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == "open"


def test_profile_shows_the_own_pair_and_its_status(member_client, member_user):
    mentor = ProfileFactory(display_name="Hatice").user
    MentoringPairFactory(
        mentee_application__user=member_user,
        mentor_application__user=mentor,
        status=MentoringPair.Status.ACTIVE,
    )

    html = member_client.get("/konto/profil/").content.decode()

    assert "Mentoring" in html and "Hatice" in html
    page = member_client.get(URL).content.decode()
    assert "Hatice" in page
