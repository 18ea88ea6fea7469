"""make backup / make restore: the database and the media come back as they were."""

import shutil
import subprocess

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from core.backups import backup_create, backup_restore
from home.models import Topic

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="backups need PostgreSQL"
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_brings_back_the_data_and_the_media(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "satzung.txt").write_text("Fassung 1")
    Topic.objects.create(name="Mieten & Wohnen", slug="mieten-wohnen")

    backup = backup_create(root=tmp_path / "backups")
    Topic.objects.all().delete()
    Topic.objects.create(name="Nach dem Backup", slug="danach")
    (tmp_path / "media" / "documents" / "satzung.txt").write_text("Fassung 2")
    (tmp_path / "media" / "neu.txt").write_text("neu")
    backup_restore(source=backup)

    assert list(Topic.objects.values_list("slug", flat=True)) == ["mieten-wohnen"]
    assert (tmp_path / "media" / "documents" / "satzung.txt").read_text() == "Fassung 1"
    assert not (tmp_path / "media" / "neu.txt").exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_backup_command_writes_a_dump_media_and_manifest(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"

    call_command("backup", root=str(tmp_path / "backups"))

    (folder,) = (tmp_path / "backups").iterdir()
    assert {path.name for path in folder.iterdir()} == {
        "database.dump",
        "media.tar.gz",
        "manifest.json",
    }


def test_restoring_a_folder_that_is_no_backup_fails_clearly(tmp_path):
    with pytest.raises(CommandError, match="not a backup folder"):
        call_command("restore", str(tmp_path), yes=True)


def test_backups_are_kept_out_of_the_repository():
    assert "var" in (settings.BASE_DIR / ".gitignore").read_text()


# Encrypted backups (age): what an Art. 9 data controller may keep.

needs_age = pytest.mark.skipif(
    shutil.which("age") is None, reason="age is not installed (make proxy-tools)"
)


@pytest.fixture
def age_key(tmp_path):
    """An identity file and its public key, as `age-keygen` makes them."""
    identity = tmp_path / "backup-key.txt"
    made = subprocess.run(
        ["age-keygen", "-o", str(identity)], capture_output=True, text=True
    )
    recipient = made.stderr.strip().removeprefix("Public key: ")
    return identity, recipient


@needs_age
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_an_encrypted_backup_leaves_no_plain_copy_and_restores_with_the_key(
    tmp_path, settings, age_key
):
    identity, recipient = age_key
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "mitgliederliste.txt").write_text("Erika Musterfrau")
    Topic.objects.create(name="Mieten & Wohnen", slug="mieten-wohnen")

    call_command("backup", root=str(tmp_path / "backups"), recipient=recipient)

    (backup,) = (tmp_path / "backups").iterdir()
    assert backup.name.endswith(".tar.age")
    content = backup.read_bytes()
    assert content.startswith(b"age-encryption.org/v1")
    assert b"Erika Musterfrau" not in content
    Topic.objects.all().delete()
    (tmp_path / "media" / "mitgliederliste.txt").unlink()

    call_command("restore", str(backup), identity=str(identity), yes=True)

    assert list(Topic.objects.values_list("slug", flat=True)) == ["mieten-wohnen"]
    assert (tmp_path / "media" / "mitgliederliste.txt").read_text() == (
        "Erika Musterfrau"
    )


@needs_age
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restoring_with_the_wrong_key_fails_clearly_and_changes_nothing(
    tmp_path, settings, age_key
):
    _identity, recipient = age_key
    settings.MEDIA_ROOT = tmp_path / "media"
    Topic.objects.create(name="Vorher", slug="vorher")
    call_command("backup", root=str(tmp_path / "backups"), recipient=recipient)
    (backup,) = (tmp_path / "backups").iterdir()
    other = tmp_path / "other-key.txt"
    subprocess.run(["age-keygen", "-o", str(other)], capture_output=True)
    Topic.objects.create(name="Danach", slug="danach")

    with pytest.raises(CommandError, match="age failed"):
        call_command("restore", str(backup), identity=str(other), yes=True)

    assert set(Topic.objects.values_list("slug", flat=True)) == {"vorher", "danach"}


def test_an_encrypted_backup_without_a_key_is_refused(tmp_path):
    with pytest.raises(CommandError, match="identity"):
        call_command("restore", str(tmp_path / "x.tar.age"), identity="", yes=True)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_refuses_an_unencrypted_backup_unless_asked(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.BACKUP_REQUIRE_ENCRYPTION = True

    with pytest.raises(CommandError, match="unencrypted"):
        call_command("backup", root=str(tmp_path / "backups"), recipient="")
    assert not (tmp_path / "backups").exists()

    call_command("backup", root=str(tmp_path / "backups"), recipient="", plain=True)
    assert len(list((tmp_path / "backups").iterdir())) == 1


@needs_age
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_only_the_newest_backups_are_kept(tmp_path, settings, age_key):
    _identity, recipient = age_key
    settings.MEDIA_ROOT = tmp_path / "media"
    root = tmp_path / "backups"

    for _ in range(3):
        call_command("backup", root=str(root), recipient=recipient, keep=2)
    names = sorted(path.name for path in root.iterdir())

    assert len(names) == 2
    assert all(name.endswith(".tar.age") for name in names)


# A failed backup leaves nothing plain behind: the dump holds Art. 9 data.


def files_below(root):
    return sorted(str(path) for path in root.rglob("*")) if root.exists() else []


@needs_age
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_malformed_recipient_fails_before_anything_is_dumped(tmp_path, settings):
    """The placeholder of deploy/env.example must not yield nightly plain dumps."""
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "mitgliederliste.txt").write_text("Erika Musterfrau")
    root = tmp_path / "backups"

    with pytest.raises(CommandError, match="age1change-me"):
        call_command("backup", root=str(root), recipient="age1change-me", keep=1)

    assert files_below(root) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failing_pg_dump_leaves_no_partial_backup(tmp_path, settings, monkeypatch):
    settings.MEDIA_ROOT = tmp_path / "media"
    # The server refuses the session: pg_dump has already opened its file.
    monkeypatch.setenv("PGOPTIONS", "-c no_such_setting=1")
    root = tmp_path / "backups"

    with pytest.raises(CommandError, match="pg_dump failed"):
        call_command("backup", root=str(root), recipient="", plain=True)

    assert files_below(root) == []


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_plain_backup_folder_is_readable_only_by_its_owner(tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    root = tmp_path / "backups"

    call_command("backup", root=str(root), recipient="", plain=True)

    (folder,) = root.iterdir()
    assert folder.stat().st_mode & 0o777 == 0o700


# Media in an object store (S3_BUCKET): the bucket also holds the off-site
# copies of the encrypted backups (BACKUP_S3_PREFIX).

BUCKET = "mitmach-media"
EARLIER_BACKUP = "backups/20261201T020000000000Z.tar.age"


@pytest.fixture
def bucket(settings, monkeypatch):
    """The production storages on moto's S3, with an earlier off-site backup."""
    import boto3
    from moto import mock_aws

    from portal.settings.services import storage_settings

    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        settings.S3_BUCKET = BUCKET
        settings.BACKUP_S3_PREFIX = "backups"
        settings.STORAGES = {**settings.STORAGES, **storage_settings(bucket=BUCKET)}
        for key, body in {
            EARLIER_BACKUP: b"age-encryption.org/v1 earlier backup",
            "documents/satzung.txt": b"Fassung 1",
            "original_images/plakat.png": b"PNG",
            "images/plakat.fill-640x360.png": b"PNG rendition",
        }.items():
            client.put_object(Bucket=BUCKET, Key=key, Body=body)
        yield client


def bucket_keys(client):
    listing = client.list_objects_v2(Bucket=BUCKET)
    return {item["Key"] for item in listing.get("Contents", [])}


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_of_the_object_store_holds_the_media_but_no_earlier_backups(
    tmp_path, bucket
):
    import tarfile

    backup = backup_create(root=tmp_path / "backups")

    with tarfile.open(backup / "media.tar.gz") as archive:
        names = {member.name for member in archive.getmembers() if member.isfile()}
    assert names == {
        "./documents/satzung.txt",
        "./original_images/plakat.png",
        "./images/plakat.fill-640x360.png",
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restoring_media_in_the_object_store_keeps_the_off_site_backups(
    tmp_path, bucket
):
    backup = backup_create(root=tmp_path / "backups")
    later = "backups/20261202T020000000000Z.tar.age"
    bucket.put_object(Bucket=BUCKET, Key=later, Body=b"age-encryption.org/v1 later")
    bucket.put_object(Bucket=BUCKET, Key="documents/neu.txt", Body=b"neu")
    bucket.put_object(Bucket=BUCKET, Key="documents/satzung.txt", Body=b"Fassung 2")

    backup_restore(source=backup)

    assert bucket_keys(bucket) == {
        EARLIER_BACKUP,
        later,
        "documents/satzung.txt",
        "original_images/plakat.png",
        "images/plakat.fill-640x360.png",
    }
    satzung = bucket.get_object(Bucket=BUCKET, Key="documents/satzung.txt")
    assert satzung["Body"].read() == b"Fassung 1"
