"""Members agree to survey calls with a number, with a timestamp, and withdraw."""

from django.urls import reverse

from surveys.models import SurveyPhoneConsent


def test_member_agrees_to_calls_and_the_time_is_recorded(client, member_user):
    client.force_login(member_user)

    response = client.post(
        reverse("surveys:survey_phone_consent"),
        {"phone": "030  1234567", "consent": "on"},
    )

    assert response.status_code == 302
    consent = SurveyPhoneConsent.objects.get(user=member_user)
    assert consent.phone == "030 1234567"
    assert consent.consented_at is not None


def test_number_without_the_consent_tick_is_not_stored(client, member_user):
    client.force_login(member_user)

    response = client.post(
        reverse("surveys:survey_phone_consent"), {"phone": "030 1234567"}
    )

    assert response.status_code == 400
    assert not SurveyPhoneConsent.objects.exists()


def test_something_that_is_no_number_is_refused(client, member_user):
    client.force_login(member_user)

    response = client.post(
        reverse("surveys:survey_phone_consent"),
        {"phone": "ruf mich an", "consent": "on"},
    )

    assert response.status_code == 400
    assert "Telefonnummer" in response.content.decode()
    assert not SurveyPhoneConsent.objects.exists()


def test_withdrawing_deletes_the_number(client, member_user):
    client.force_login(member_user)
    url = reverse("surveys:survey_phone_consent")
    client.post(url, {"phone": "030 1234567", "consent": "on"})

    response = client.post(url, {"action": "withdraw"})

    assert response.status_code == 302
    assert not SurveyPhoneConsent.objects.filter(user=member_user).exists()


def test_non_members_cannot_leave_a_number(client, non_member_user):
    client.force_login(non_member_user)

    response = client.post(
        reverse("surveys:survey_phone_consent"),
        {"phone": "030 1234567", "consent": "on"},
    )

    assert response.status_code == 403
    assert not SurveyPhoneConsent.objects.exists()
