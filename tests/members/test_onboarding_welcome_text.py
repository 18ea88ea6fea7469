"""Staff edit the welcome mail text; placeholders are checked before saving."""

from django.urls import reverse

from members.models import WelcomeMailText

ADD_URL_NAME = "wagtailsnippets_members_welcomemailtext:add"


def test_staff_save_a_text_with_known_placeholders(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse(ADD_URL_NAME),
        {
            "language": "de",
            "subject": "Willkommen, {name}!",
            "body": "Hallo {name} in {district}: {next_meeting}",
        },
    )

    assert response.status_code == 302
    assert WelcomeMailText.objects.get().subject == "Willkommen, {name}!"


def test_an_unknown_placeholder_is_refused_with_a_message(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse(ADD_URL_NAME),
        {"language": "de", "subject": "Hallo {vorname}", "body": "Text"},
    )

    assert response.status_code in (200, 400)
    assert "Unbekannter Platzhalter {vorname}" in response.content.decode()
    assert not WelcomeMailText.objects.exists()


def test_coordinators_without_the_snippet_rights_cannot_edit_the_text(
    client, coordinator
):
    client.force_login(coordinator)

    response = client.get(reverse(ADD_URL_NAME))

    assert response.status_code in (302, 403)
    assert not WelcomeMailText.objects.exists()
