"""Password reset through allauth: German mail, and a clear 4xx for bad links."""

import re

from django.urls import reverse

from members.factories import VerifiedEmailFactory

RESET_URL = reverse("members:password_reset")
NEW_PASSWORD = "ganz-neues-passwort-2026"


def reset_link(mail):
    return re.search(r"https?://[^/\s]+(/konto/password/reset/key/[^\s]+/)", mail.body)[
        1
    ]


def request_reset(client, member_user):
    VerifiedEmailFactory(user=member_user)
    client.post(RESET_URL, {"email": "rosa@example.org"})


def test_reset_page_is_german(client, home_page):
    html = client.get(RESET_URL).content.decode()

    assert "Passwort" in html
    assert 'name="email"' in html


def test_reset_sends_a_german_mail_with_a_link(client, member_user, mailoutbox):
    request_reset(client, member_user)

    assert mailoutbox[0].to == ["rosa@example.org"]
    assert "Passwort" in mailoutbox[0].subject
    assert reset_link(mailoutbox[0])


def test_reset_link_sets_a_new_password(client, member_user, mailoutbox):
    request_reset(client, member_user)
    form_page = client.get(reset_link(mailoutbox[0]), follow=True)

    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    member_user.refresh_from_db()
    assert member_user.check_password(NEW_PASSWORD)


def test_used_reset_link_gets_a_clear_400(client, member_user, mailoutbox):
    request_reset(client, member_user)
    link = reset_link(mailoutbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0],
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    response = client.get(link, follow=True)

    assert response.status_code == 400
    assert "Falsches Token" in response.content.decode()


def test_forged_reset_link_gets_a_clear_400(client, home_page):
    response = client.get("/konto/password/reset/key/1-gefaelscht/", follow=True)

    assert response.status_code == 400
    assert "Link zum Zurücksetzen des Passworts war ungültig" in (
        response.content.decode()
    )
