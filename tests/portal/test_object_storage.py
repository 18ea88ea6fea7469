"""Media on an S3-compatible store (S3_BUCKET): moto's in-process S3.

Uploads (documents, original images) are private objects; renditions are
public and served from the store; a document of the members' collection is
readable only through the portal, by a member.
"""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from moto import mock_aws
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail_factories import ImageFactory

from core.services import members_collection_get
from core.storage import PrivateMediaStorage, PublicMediaStorage
from portal.settings.services import storage_settings

BUCKET = "mitmach-media"
PUBLIC_URL = "https://portal.example.org/media/"
ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers"
SECRET = "Protokoll der Mitgliederversammlung, nur für Mitglieder"

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3(settings, monkeypatch):
    """The production storage settings for a bucket, on moto's S3."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.S3_BUCKET = BUCKET
        settings.STORAGES = {
            **settings.STORAGES,
            **storage_settings(bucket=BUCKET, public_url=PUBLIC_URL),
        }
        settings.WAGTAILIMAGES_RENDITION_STORAGE = "renditions"
        # Django binds a file field's storage when the model class is made, as
        # production does after reading its settings; here after the override.
        rendition_file = get_image_model().get_rendition_model()._meta.get_field("file")
        monkeypatch.setattr(rendition_file, "storage", storages["renditions"])
        yield client


def keys(client):
    listing = client.list_objects_v2(Bucket=BUCKET)
    return [item["Key"] for item in listing.get("Contents", [])]


def readable_by_anyone(client, key):
    grants = client.get_object_acl(Bucket=BUCKET, Key=key)["Grants"]
    return any(grant["Grantee"].get("URI") == ALL_USERS for grant in grants)


def test_an_uploaded_image_and_its_rendition_land_in_the_bucket(s3):
    image = ImageFactory()

    rendition = image.get_rendition("fill-640x360")

    original = image.file.name
    assert isinstance(image.file.storage._wrapped, PrivateMediaStorage)
    assert isinstance(rendition.file.storage, PublicMediaStorage)
    assert original in keys(s3)
    assert rendition.file.name in keys(s3)
    assert rendition.file.name.startswith("images/")


def test_a_rendition_is_public_and_served_from_the_public_url(s3):
    rendition = ImageFactory().get_rendition("fill-640x360")

    assert readable_by_anyone(s3, rendition.file.name)
    assert rendition.url == PUBLIC_URL + rendition.file.name
    assert "Signature" not in rendition.url


def test_an_original_image_is_private_with_a_short_lived_signed_url(s3):
    image = ImageFactory()

    assert not readable_by_anyone(s3, image.file.name)
    assert "X-Amz-Signature" in image.file.url
    assert "X-Amz-Expires=300" in image.file.url


@pytest.fixture
def members_document(s3):
    document = Document(title="Protokoll", collection=members_collection_get())
    document.file.save("protokoll.txt", ContentFile(SECRET.encode()), save=False)
    document.save()
    return document


def test_a_members_document_is_no_public_object(s3, members_document):
    assert members_document.file.name in keys(s3)
    assert not readable_by_anyone(s3, members_document.file.name)
    assert PUBLIC_URL not in members_document.file.url
    assert "X-Amz-Signature" in members_document.file.url


def test_a_member_downloads_the_members_document_through_the_portal(
    client, member_user, members_document
):
    client.force_login(member_user)

    response = client.get(members_document.url)

    assert response.status_code == 200
    assert SECRET.encode() in b"".join(response.streaming_content)
    assert "attachment" in response["Content-Disposition"]


def test_a_visitor_asking_for_the_members_document_is_sent_to_login(
    client, members_document
):
    response = client.get(members_document.url)

    assert response.status_code == 302
    assert "/konto/anmelden/" in response.url
    assert SECRET.encode() not in b"".join(response)


def test_a_logged_in_non_member_gets_no_members_document(
    client, non_member_user, members_document
):
    client.force_login(non_member_user)

    response = client.get(members_document.url)

    assert response.status_code == 302
    assert SECRET.encode() not in b"".join(response)


def test_healthz_reports_the_store(client, s3):
    body = client.get("/healthz").json()

    assert body["storage"] == {"status": "ok", "store": "s3"}


def test_healthz_answers_503_when_the_bucket_is_gone(client, s3):
    s3.delete_bucket(Bucket=BUCKET)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["storage"]["status"] == "error"
    assert BUCKET not in response.text
