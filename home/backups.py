"""Backups of the PostgreSQL database and the media files, and restoring them.

A backup is a folder ``<root>/<UTC timestamp>/`` with ``database.dump``
(``pg_dump`` custom format), ``media.tar.gz`` and ``manifest.json``. Restoring
replaces the database's contents (``pg_restore --clean`` in one transaction)
and the media folder. ``make backup`` / ``make restore BACKUP=<folder>`` call
the management commands ``backup`` and ``restore``.
"""

import json
import os
import shutil
import subprocess
import tarfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.db import connections


class BackupError(Exception):
    pass


def _pg_environment(alias: str) -> tuple[list[str], dict]:
    params = connections[alias].settings_dict
    if params["ENGINE"] != "django.db.backends.postgresql":
        raise BackupError("Backups need PostgreSQL (DATABASE_URL=postgres://…).")
    arguments = ["--dbname", params["NAME"]]
    if params.get("HOST"):
        arguments += ["--host", params["HOST"]]
    if params.get("PORT"):
        arguments += ["--port", str(params["PORT"])]
    if params.get("USER"):
        arguments += ["--username", params["USER"]]
    environment = {**os.environ, "PGPASSWORD": params.get("PASSWORD") or ""}
    return arguments, environment


def _run(command: list[str], environment: dict) -> None:
    result = subprocess.run(command, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()}")


def backup_create(*, root: Path, alias: str = "default") -> Path:
    """Dump the database and pack the media folder into a new backup folder."""
    arguments, environment = _pg_environment(alias)
    target = Path(root) / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target.mkdir(parents=True)
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--file",
            str(target / "database.dump"),
            *arguments,
        ],
        environment,
    )
    media = Path(settings.MEDIA_ROOT)
    with tarfile.open(target / "media.tar.gz", "w:gz") as archive:
        if media.exists():
            archive.add(media, arcname=".")
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "database": connections[alias].settings_dict["NAME"],
        "files": ["database.dump", "media.tar.gz"],
    }
    (target / "manifest.json").write_text(json.dumps(manifest, indent=2))
    return target


def backup_restore(*, source: Path, alias: str = "default") -> None:
    """Replace the database's contents and the media folder with ``source``'s."""
    source = Path(source)
    dump, media_archive = source / "database.dump", source / "media.tar.gz"
    if not dump.is_file() or not media_archive.is_file():
        raise BackupError(f"{source} is not a backup folder.")
    arguments, environment = _pg_environment(alias)
    connections[alias].close()
    _run(
        [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *arguments,
            str(dump),
        ],
        environment,
    )
    media = Path(settings.MEDIA_ROOT)
    media.mkdir(parents=True, exist_ok=True)
    for child in media.iterdir():
        shutil.rmtree(child) if child.is_dir() else child.unlink()
    with tarfile.open(media_archive, "r:gz") as archive:
        archive.extractall(media, filter="data")
