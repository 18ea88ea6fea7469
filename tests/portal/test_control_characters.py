"""NUL and control characters in a path, a query or a form are refused with a 400.

PostgreSQL refuses NUL in any query (a 500 at ``/api/v2/pages/find/?html_path=%00``)
and control characters have no place in an address or a form field, so one
middleware answers them before any view runs. Tabs and line breaks in a body
stay allowed (multi-line fields), binary file contents are not text.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

from comments.models import Comment
from dialog.factories import ForumPageFactory
from registrations.models import Registration, RegistrationMode
from tests.fuzz import FORM_CONTENT_TYPE, get
from tests.registrations.registration_helpers import register_url, registrable_event
from tests.utils import human_form_fields

REFUSED = "Steuerzeichen"


def assert_refused(response):
    assert response.status_code == 400, response.status_code
    assert REFUSED in response.text


@pytest.mark.parametrize(
    "query",
    [
        "html_path=%00",
        "html_path=/nachrichten/%00/",
        "html_path=%01",
        "search=Miete%1B",
        "fields=title%7F",
        "html_path=%C2%85",
        "type=news.NewsArticlePage&x%00=1",
    ],
)
def test_control_characters_in_an_api_query_are_a_400(client, home_page, query):
    assert_refused(get(client, "/api/v2/pages/find/", query))
    assert_refused(get(client, "/api/v2/pages/", query))


def test_a_tab_or_line_break_in_a_query_value_is_refused_too(client, home_page):
    assert_refused(get(client, "/suche/", "q=Miete%0D%0A%09Wohnen"))


@pytest.mark.parametrize(
    "path", ["/nachrichten/%00/", "/%01/", "/api/v2/pages/%00/", "/suche%C2%9B/"]
)
def test_control_characters_in_a_percent_encoded_path_are_a_400(
    client, home_page, news_index, path
):
    assert_refused(client.get(path))


def test_the_refusal_speaks_the_visitors_language(client, home_page):
    response = get(client, "/en/suche/", "q=%00")

    assert response.status_code == 400
    assert "control characters" in response.text
    assert 'lang="en"' in response.text


def test_ordinary_text_still_passes(client, home_page, news_index):
    assert get(client, "/suche/", "q=Stra%C3%9Fe+%C4%B0stanbul").status_code == 200
    response = get(client, "/api/v2/pages/find/", f"html_path={news_index.url}")
    assert response.status_code == 302


def test_a_form_field_with_a_control_character_is_refused_and_stores_nothing(
    client, event_index
):
    page = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)
    data = {
        "name": "Hanna\x07Beispiel",
        "email": "hanna@example.org",
        "consent": "on",
        **human_form_fields("registration"),
    }

    assert_refused(client.post(register_url(page), data))
    assert not Registration.objects.exists()


def test_a_nul_in_a_raw_form_body_is_refused(client, event_index):
    page = registrable_event(event_index, registration_mode=RegistrationMode.OPEN)

    response = client.post(
        register_url(page), "name=%00&email=a%40b.de", content_type=FORM_CONTENT_TYPE
    )

    assert_refused(response)


def test_line_breaks_and_tabs_in_a_comment_are_kept(client, member_user, home_page):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    client.force_login(member_user)

    client.post(
        reverse("comments:comment_create", args=[forum.pk]),
        {"body": "Erste Zeile\r\n\tzweite Zeile"},
    )

    assert Comment.objects.get().body.endswith("zweite Zeile")


def test_a_nul_in_a_json_body_is_refused(client, home_page):
    response = client.post(
        "/api/v2/kalender/", '{"q": "a\\u0000b"}', content_type="application/json"
    )

    assert_refused(response)


def test_a_binary_upload_passes_but_its_text_fields_are_checked(
    client, make_user, home_page
):
    editor = make_user("admin", is_superuser=True, is_staff=True)
    client.force_login(editor)
    content = b"%PDF-1.4\n\x00\x01\x02\xff binary\x00"
    url = reverse("wagtaildocs:add")
    # The Mitglieder collection exists too, so the form asks for one.
    root = Collection.get_first_root_node().pk

    client.post(
        url,
        {
            "title": "Satzung",
            "collection": root,
            "file": SimpleUploadedFile("satzung.pdf", content),
        },
    )
    refused = client.post(
        url,
        {
            "title": "Sat\x00zung",
            "collection": root,
            "file": SimpleUploadedFile("zwei.pdf", content),
        },
    )

    assert get_document_model().objects.get().title == "Satzung"
    assert_refused(refused)


def test_a_deeply_nested_json_body_is_no_500(client, home_page):
    response = client.post(
        "/api/v2/kalender/", "[" * 100_000, content_type="application/json"
    )

    assert response.status_code < 500


def test_a_cookie_holding_a_nul_is_refused(client, home_page):
    """Django unquotes ``"\\000…"`` to NUL bytes, which reach PostgreSQL."""
    cookie = 'sessionid="' + "\\000" * 8 + 'a"'

    assert_refused(client.get("/", HTTP_COOKIE=cookie))


def test_a_vertical_tab_pasted_into_a_form_becomes_a_space(
    client, member_user, home_page
):
    forum = ForumPageFactory(parent=home_page, comments_mode="members")
    client.force_login(member_user)

    client.post(
        reverse("comments:comment_create", args=[forum.pk]),
        {"body": "Aus der Präsentation:\x0bMieten\x0cdeckeln"},
    )

    assert Comment.objects.get().body == "Aus der Präsentation: Mieten\ndeckeln"
