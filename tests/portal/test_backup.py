"""make backup / make restore: the database and the media come back as they were."""

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from home.backups import backup_create, backup_restore
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
