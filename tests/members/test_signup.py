"""Sign-up → verified email → membership request → confirmation → members-only page."""

import re

import pytest
from django.contrib.auth import SESSION_KEY, get_user_model
from django.urls import reverse

from members.models import MembershipVerification
from tests.utils import human_form_fields

SIGNUP_URL = reverse("members:signup")
PASSWORD = "ein-sicheres-passwort-42"


def sign_up(client, email="clara@example.org", **extra):
    data = {
        "email": email,
        "password1": PASSWORD,
        "password2": PASSWORD,
        "display_name": "Clara Z.",
        **human_form_fields("signup"),
        **extra,
    }
    return client.post(SIGNUP_URL, data)


def confirmation_link(mail):
    return re.search(r"https?://[^/\s]+(/konto/confirm-email/[^\s]+/)", mail.body)[1]


def test_sign_up_page_is_german(de_client, home_page):
    html = de_client.get(SIGNUP_URL).content.decode()

    assert 'lang="de"' in html
    assert "Registrieren" in html
    assert 'name="display_name"' in html


def test_sign_up_sends_a_german_verification_mail(de_client, home_page, mailoutbox):
    sign_up(de_client)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["clara@example.org"]
    assert "E-Mail" in mailoutbox[0].subject
    assert "/konto/confirm-email/" in mailoutbox[0].body


def test_sign_up_keeps_the_display_name_on_the_profile(de_client, home_page):
    sign_up(de_client)

    user = get_user_model().objects.get(email="clara@example.org")
    assert user.profile.display_name == "Clara Z."


def test_new_account_cannot_log_in_before_verifying_the_address(
    client, home_page, mailoutbox
):
    sign_up(client)
    client.logout()

    client.post(
        reverse("members:login"), {"login": "clara@example.org", "password": PASSWORD}
    )

    assert SESSION_KEY not in client.session


def test_sign_up_with_bad_input_shows_german_field_errors(de_client, home_page):
    response = sign_up(de_client, email="keine-adresse", password2="anders")

    html = response.content.decode()
    assert response.status_code == 200
    assert "Gib eine gültige E-Mail-Adresse ein." in html or "gültige E-Mail" in html
    assert get_user_model().objects.count() == 0


def test_sign_up_refuses_an_email_address_as_display_name(de_client, home_page):
    response = sign_up(de_client, display_name="clara@example.org")

    assert response.status_code == 200
    assert "Bitte verwende keine E-Mail-Adresse als Namen." in response.content.decode()


def test_forged_confirmation_key_gets_a_clear_german_404(de_client, home_page):
    response = de_client.get("/konto/confirm-email/gefaelscht/")

    assert response.status_code == 404
    assert "Bestätigungslink ist leider abgelaufen" in response.content.decode()


def test_expired_confirmation_link_gets_a_404(client, home_page, mailoutbox, settings):
    sign_up(client)
    link = confirmation_link(mailoutbox[0])
    settings.ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = -1

    response = client.post(link)

    assert response.status_code == 404
    user = get_user_model().objects.get(email="clara@example.org")
    assert not user.emailaddress_set.filter(verified=True).exists()


def test_full_flow_from_sign_up_to_reading_a_members_only_briefing(
    client,
    district,
    members_briefing,
    district_editor,
    mailoutbox,
    django_capture_on_commit_callbacks,
):
    sign_up(client)
    link = confirmation_link(mailoutbox[0])
    client.post(link)
    user = get_user_model().objects.get(email="clara@example.org")
    assert int(client.session[SESSION_KEY]) == user.pk

    client.post(
        reverse("members:verification"),
        {"district": district.pk, "membership_number": "4711-0815"},
    )
    before = client.get(members_briefing.url)
    verification = MembershipVerification.objects.get(user=user)

    editor = client.__class__()
    editor.force_login(district_editor)
    with django_capture_on_commit_callbacks(execute=True):
        editor.post(reverse("membership_verifications:confirm", args=[verification.pk]))
    after = client.get(members_briefing.url)

    assert before.status_code == 302
    assert after.status_code == 200
    assert "Zwiebelturm" in after.content.decode()
    decision, welcome = mailoutbox[-2:]
    assert "Mitglied" in decision.subject
    assert welcome.subject.startswith("Willkommen")


@pytest.mark.parametrize("path", ["/konto/anmelden/", "/konto/registrieren/"])
def test_account_pages_use_the_portal_layout(client, home_page, path):
    html = client.get(path).content.decode()

    assert 'class="site-header"' in html
    assert "css/portal.css" in html
