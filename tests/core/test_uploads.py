"""Uploads: documents must be what their name says and download as attachments."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.documents.models import Document
from wagtail.images import get_image_model

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def admin_client_for(client, superuser, home_page):
    client.force_login(superuser)
    return client


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": name, "file": SimpleUploadedFile(name, content), "collection": 1},
    )


def test_a_real_pdf_is_accepted(admin_client_for):
    response = upload_document(admin_client_for, "haushalt.pdf", PDF)

    assert response.status_code == 302
    assert Document.objects.filter(title="haushalt.pdf").exists()


def test_html_disguised_as_pdf_is_refused(admin_client_for):
    response = upload_document(
        admin_client_for, "haushalt.pdf", b"<html><script>alert(1)</script></html>"
    )

    assert response.status_code == 200
    assert "kein .pdf-Dokument" in response.text
    assert not get_document_model().objects.exists()


def test_a_text_file_with_markup_is_refused(admin_client_for):
    response = upload_document(admin_client_for, "liste.csv", b"<svg onload=alert(1)>")

    assert not get_document_model().objects.exists()
    assert "reinen Text" in response.text


def test_a_plain_csv_is_accepted(admin_client_for):
    upload_document(admin_client_for, "liste.csv", b"Name;Bezirk\nRosa;Mitte\n")

    assert get_document_model().objects.count() == 1


def test_documents_are_downloaded_as_attachments(admin_client_for):
    upload_document(admin_client_for, "haushalt.pdf", PDF)
    document = get_document_model().objects.get()

    response = admin_client_for.get(document.url)

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    b"".join(response.streaming_content)


def test_svg_images_are_refused(admin_client_for):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

    admin_client_for.post(
        reverse("wagtailimages:add"),
        {"title": "Logo", "file": SimpleUploadedFile("logo.svg", svg)},
    )

    assert not get_image_model().objects.exists()


def test_an_image_whose_content_is_not_its_extension_is_refused(admin_client_for):
    gif = io.BytesIO()
    Image.new("RGB", (4, 4)).save(gif, "GIF")

    admin_client_for.post(
        reverse("wagtailimages:add"),
        {"title": "Foto", "file": SimpleUploadedFile("foto.png", gif.getvalue())},
    )

    assert not get_image_model().objects.exists()
