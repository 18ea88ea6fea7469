"""Files used on members-only pages stay with the members (issue 19, defect 7).

Wagtail protects a file by its collection's privacy, not by the page that links
it: a document uploaded from a members-only briefing used to land in the public
root collection and answered 200 to anyone, in the API and at ``/dokumente/``.
"""

import io
import json

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction
from wagtail_factories import DocumentFactory

from core.roles import roles_sync
from core.services import members_collection_get
from news.factories import NewsIndexPageFactory

SECRET = "Zwiebelturm"
PDF = b"%PDF-1.4\n% Sondierungspapier Zwiebelturm\n1 0 obj<<>>endobj\n%%EOF\n"


def png_bytes():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return buffer.getvalue()


def upload_document(client, title):
    """Upload as the document chooser inside the page editor does."""
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": title,
            "document-chooser-upload-file": SimpleUploadedFile("papier.pdf", PDF),
            "document-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200, response.content
    return get_document_model().objects.get(title=title)


def upload_image(client, title):
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": title,
            "image-chooser-upload-file": SimpleUploadedFile("skizze.png", png_bytes()),
            "image-chooser-upload-collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 200, response.content
    return get_image_model().objects.get(title=title)


def draft_js(text):
    return json.dumps(
        {
            "blocks": [
                {
                    "key": "a",
                    "text": text,
                    "type": "unstyled",
                    "depth": 0,
                    "inlineStyleRanges": [],
                    "entityRanges": [],
                }
            ],
            "entityMap": {},
        }
    )


def save_briefing(client, page, *, documents=(), images=(), **changes):
    """Post the briefing's edit form with ``documents`` and ``images`` on it."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "decision_date": page.decision_date.isoformat(),
        "deciding_body": page.deciding_body,
        "status": page.status,
        "audience": page.audience,
        "comments_mode": page.comments_mode,
        "moderation": page.moderation,
        "summary": page.summary,
        "at_stake": draft_js("Es geht um viel."),
        "talking_points-count": "1",
        "talking_points-0-type": "talking_point",
        "talking_points-0-deleted": "",
        "talking_points-0-order": "0",
        "talking_points-0-id": "tp1",
        "talking_points-0-value-point": "Ein Punkt.",
        "talking_points-0-value-explanation": "",
        "background-count": str(len(images)),
        "documents-count": str(len(documents)),
        "action-publish": "action-publish",
    }
    for number, image in enumerate(images):
        prefix = f"background-{number}"
        data |= {
            f"{prefix}-type": "image",
            f"{prefix}-deleted": "",
            f"{prefix}-order": str(number),
            f"{prefix}-id": f"img{number}",
            f"{prefix}-value-image": str(image.pk),
            f"{prefix}-value-alt_text": "Skizze",
            f"{prefix}-value-decorative": "",
        }
    for number, document in enumerate(documents):
        prefix = f"documents-{number}"
        data |= {
            f"{prefix}-type": "document",
            f"{prefix}-deleted": "",
            f"{prefix}-order": str(number),
            f"{prefix}-id": f"doc{number}",
            f"{prefix}-value-document": str(document.pk),
            f"{prefix}-value-title": "",
        }
    data.update(changes)
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data, follow=True
    )
    assert response.redirect_chain, response.context["form"].errors
    return response


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def files_of_members_briefing(client, superuser, members_briefing):
    """An editor uploads a document and an image from the briefing's editor."""
    client.force_login(superuser)
    document = upload_document(client, f"Sondierungspapier {SECRET}")
    image = upload_image(client, f"Skizze {SECRET}")
    save_briefing(client, members_briefing, documents=[document], images=[image])
    client.logout()
    document.refresh_from_db()
    image.refresh_from_db()
    return document, image


@pytest.fixture
def as_role(client, member_user, superuser):
    def log_in(role):
        if role == "member":
            client.force_login(member_user)
        elif role == "staff":
            client.force_login(superuser)
        return client

    return log_in


ROLES = ["anonymous", "member", "staff"]
ENDPOINTS = ["documents", "images"]


def file_of(files, endpoint):
    document, image = files
    return document if endpoint == "documents" else image


# The API is public and ignores who asks: the files of members-only pages are
# in no list, search, detail or find answer, not even for members or staff.


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_list_leaves_out_files_of_members_only_pages(
    as_role, files_of_members_briefing, role, endpoint
):
    response = as_role(role).get(f"/api/v2/{endpoint}/")

    assert response.status_code == 200
    assert json.loads(response.content)["items"] == []


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_detail_of_a_file_of_a_members_only_page_is_404(
    as_role, files_of_members_briefing, role, endpoint
):
    file = file_of(files_of_members_briefing, endpoint)

    response = as_role(role).get(f"/api/v2/{endpoint}/{file.pk}/")

    assert response.status_code == 404
    assert SECRET not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_search_does_not_find_files_of_members_only_pages(
    as_role, files_of_members_briefing, role, endpoint
):
    response = as_role(role).get(f"/api/v2/{endpoint}/", {"search": SECRET})

    assert response.status_code == 200
    assert json.loads(response.content)["items"] == []


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_api_find_does_not_find_files_of_members_only_pages(
    as_role, files_of_members_briefing, role, endpoint
):
    file = file_of(files_of_members_briefing, endpoint)

    response = as_role(role).get(f"/api/v2/{endpoint}/find/", {"id": file.pk})

    assert response.status_code == 404


def test_api_search_still_finds_a_public_file(client, superuser, public_briefing):
    client.force_login(superuser)
    document = upload_document(client, f"Haushaltsentwurf {SECRET}")
    save_briefing(client, public_briefing, documents=[document])
    client.logout()

    response = client.get("/api/v2/documents/", {"search": SECRET})

    assert [item["id"] for item in json.loads(response.content)["items"]] == [
        document.pk
    ]


# Downloads: Wagtail's serve view checks the collection's privacy.


def test_visitor_downloading_a_file_of_a_members_only_page_is_sent_to_login(
    client, files_of_members_briefing
):
    document, _image = files_of_members_briefing

    response = client.get(document.url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))
    assert SECRET.encode() not in b"".join(response)


@pytest.mark.parametrize("role", ["member", "staff"])
def test_members_and_staff_download_the_file_of_a_members_only_page(
    as_role, files_of_members_briefing, role
):
    document, _image = files_of_members_briefing

    response = as_role(role).get(document.url)

    assert response.status_code == 200
    assert SECRET.encode() in b"".join(response.streaming_content)


def test_logged_in_non_member_cannot_download_the_file_of_a_members_only_page(
    client, non_member_user, files_of_members_briefing
):
    document, _image = files_of_members_briefing
    client.force_login(non_member_user)

    response = client.get(document.url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("members:login"))


# The members' collection: made by a migration, kept by roles_sync.


def members_collection():
    return Collection.objects.get(depth=2, name="Mitglieder")


def test_migrations_make_a_members_collection_only_members_may_open(db):
    restriction = CollectionViewRestriction.objects.get(collection=members_collection())

    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert [group.name for group in restriction.groups.all()] == ["Mitglieder"]


def test_members_collection_get_makes_nothing_twice(db):
    members_collection_get()
    members_collection_get()

    assert Collection.objects.filter(name="Mitglieder").count() == 1
    assert CollectionViewRestriction.objects.count() == 1


def test_roles_sync_gives_the_members_collection_its_privacy_back(db):
    CollectionViewRestriction.objects.all().delete()

    report = roles_sync()

    assert report["members_collection"] == "Mitglieder"
    assert CollectionViewRestriction.objects.filter(
        collection=members_collection(), groups__name="Mitglieder"
    ).exists()


def test_roles_sync_remakes_a_deleted_members_collection(db):
    members_collection().delete()

    roles_sync()

    assert members_collection().get_view_restrictions().exists()


# The editor's path: files uploaded from a members-only page become private.


@pytest.fixture
def editor(client, superuser, home_page):
    client.force_login(superuser)
    return client


def test_a_document_uploaded_for_a_members_only_briefing_becomes_private(
    editor, members_briefing
):
    document = upload_document(editor, "Sondierungspapier")

    response = save_briefing(editor, members_briefing, documents=[document])

    document.refresh_from_db()
    assert document.collection == members_collection()
    assert any("Sondierungspapier" in text for text in messages_of(response))


def test_an_image_uploaded_for_a_members_only_briefing_becomes_private(
    editor, members_briefing
):
    image = upload_image(editor, "Skizze")

    save_briefing(editor, members_briefing, images=[image])

    image.refresh_from_db()
    assert image.collection == members_collection()


def test_files_move_when_a_draft_makes_a_briefing_members_only(editor, public_briefing):
    document = upload_document(editor, "Sondierungspapier")

    save_briefing(
        editor,
        public_briefing,
        documents=[document],
        audience="members",
        **{"action-publish": ""},
    )

    document.refresh_from_db()
    assert document.collection == members_collection()


def test_a_file_of_a_public_briefing_stays_public(editor, public_briefing):
    document = upload_document(editor, "Haushaltsentwurf")

    save_briefing(editor, public_briefing, documents=[document])

    document.refresh_from_db()
    assert document.collection.is_root()


def test_a_file_also_used_on_a_public_page_stays_and_the_editor_is_warned(
    editor, public_briefing, members_briefing
):
    document = upload_document(editor, "Wahlprogramm")
    save_briefing(editor, public_briefing, documents=[document])

    response = save_briefing(editor, members_briefing, documents=[document])

    document.refresh_from_db()
    assert document.collection.is_root()
    assert any(
        "können alle öffnen" in text and "Wahlprogramm" in text
        for text in messages_of(response)
    )


def test_a_file_in_a_public_collection_the_editor_chose_stays_with_a_warning(
    editor, members_briefing
):
    press = Collection.get_first_root_node().add_child(name="Pressefotos")
    document = DocumentFactory(title="Pressemappe", collection=press)

    response = save_briefing(editor, members_briefing, documents=[document])

    document.refresh_from_db()
    assert document.collection == press
    assert any("Pressemappe" in text for text in messages_of(response))


def test_a_private_file_on_a_public_page_warns_the_editor(editor, public_briefing):
    document = DocumentFactory(title="Protokoll", collection=members_collection_get())

    response = save_briefing(editor, public_briefing, documents=[document])

    assert any(
        "nicht öffnen" in text and "Protokoll" in text for text in messages_of(response)
    )


def test_files_move_when_the_privacy_dialog_makes_a_page_members_only(
    editor, public_briefing, members_group, django_capture_on_commit_callbacks
):
    document = upload_document(editor, "Sondierungsstand")
    save_briefing(editor, public_briefing, documents=[document])

    with django_capture_on_commit_callbacks(execute=True):
        response = editor.post(
            reverse("wagtailadmin_pages:set_privacy", args=[public_briefing.pk]),
            {"restriction_type": "groups", "groups": [members_group.pk]},
        )

    assert response.status_code == 200
    document.refresh_from_db()
    assert document.collection == members_collection_get()


def test_files_of_subpages_move_when_their_section_becomes_members_only(
    editor,
    public_briefing,
    news_index,
    members_group,
    django_capture_on_commit_callbacks,
):
    document = upload_document(editor, "Kreisverbandsbericht")
    save_briefing(editor, public_briefing, documents=[document])

    with django_capture_on_commit_callbacks(execute=True):
        editor.post(
            reverse("wagtailadmin_pages:set_privacy", args=[news_index.pk]),
            {"restriction_type": "groups", "groups": [members_group.pk]},
        )

    document.refresh_from_db()
    assert document.collection == members_collection_get()


def test_a_page_moved_under_a_members_only_section_takes_its_files_along(
    editor,
    public_briefing,
    home_page,
    members_group,
    django_capture_on_commit_callbacks,
):
    document = upload_document(editor, "Umzugsplan")
    save_briefing(editor, public_briefing, documents=[document])
    section = NewsIndexPageFactory(parent=home_page, title="Intern", slug="intern")
    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(members_group)

    with django_capture_on_commit_callbacks(execute=True):
        public_briefing.move(section, pos="last-child")

    document.refresh_from_db()
    assert document.collection == members_collection_get()
