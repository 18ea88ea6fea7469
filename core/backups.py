"""Backups of the PostgreSQL database and the media files, and restoring them.

A backup is a folder ``<root>/<UTC timestamp>/`` with ``database.dump``
(``pg_dump`` custom format), ``media.tar.gz`` and ``manifest.json``. Restoring
replaces the database's contents (``pg_restore --clean`` in one transaction)
and the media folder. ``make backup`` / ``make restore BACKUP=<folder>`` call
the management commands ``backup`` and ``restore``.

The database holds special-category data (GDPR Art. 9), so production writes
only encrypted backups: with an age recipient (public key) the folder is
packed into ``<root>/<UTC timestamp>.tar.age``; the plain folder exists only
in a private scratch folder, removed also when a step fails;
only the holder of the identity (private key), kept off the server, can
restore it. Media in an object store are packed from the store.
"""

import json
import os
import re
import shutil
import subprocess
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage, storages
from django.db import connections

ENCRYPTED_SUFFIX = ".tar.age"
BACKUP_NAME = re.compile(r"^\d{8}T\d{12}Z(\.tar\.age)?$")


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


def age_recipient_check(recipient: str) -> None:
    """Encrypt a few bytes for ``recipient`` before anything is dumped.

    age itself judges the key: a placeholder such as ``age1change-me`` would
    otherwise fail only after the plain dump was written.
    """
    try:
        result = subprocess.run(
            ["age", "--encrypt", "--recipient", recipient],
            input=b"recipient check",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
    except FileNotFoundError as error:
        raise BackupError("age is not installed: it encrypts the backups.") from error
    if result.returncode != 0:
        raise BackupError(
            f"age cannot encrypt for the recipient {recipient!r} "
            f"(BACKUP_AGE_RECIPIENT): {result.stderr.decode().strip()}"
        )


def backup_create(*, root: Path, alias: str = "default", recipient: str = "") -> Path:
    """Dump the database and pack the media into a new backup below ``root``;
    with ``recipient`` into one encrypted ``<timestamp>.tar.age``.

    Everything is written into a scratch folder only its owner can read,
    removed whatever happens: a failed dump or encryption leaves no plain
    copy. Only the finished backup is moved into place.
    """
    arguments, environment = _pg_environment(alias)
    if recipient:
        age_recipient_check(recipient)
    root = Path(root)
    root.mkdir(mode=0o700, parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=".partial-", dir=root))
    try:
        folder = scratch / datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
        folder.mkdir()
        folder.chmod(0o700)
        _backup_write(folder=folder, arguments=arguments, environment=environment)
        if recipient:
            folder = backup_encrypt(folder=folder, recipient=recipient)
        target = root / folder.name
        folder.rename(target)
        return target
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _backup_write(*, folder: Path, arguments: list[str], environment: dict) -> None:
    _run(
        [
            "pg_dump",
            "--format=custom",
            "--no-owner",
            "--file",
            str(folder / "database.dump"),
            *arguments,
        ],
        environment,
    )
    with tarfile.open(folder / "media.tar.gz", "w:gz") as archive:
        _media_pack(archive)
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "database": arguments[arguments.index("--dbname") + 1],
        "files": ["database.dump", "media.tar.gz"],
    }
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2))


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
    with tarfile.open(media_archive, "r:gz") as archive:
        _media_unpack(archive)


def _object_store() -> bool:
    return bool(getattr(settings, "S3_BUCKET", ""))


# Where Wagtail keeps media in the store: original images, renditions,
# documents. The same bucket holds the encrypted off-site backups
# (BACKUP_S3_PREFIX), which a backup must neither contain nor a restore delete.
MEDIA_PREFIXES = ("original_images", "images", "documents")


def _stored_files(storage, folder: str = ""):
    directories, files = storage.listdir(folder)
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for directory in directories:
        below = f"{folder}/{directory}" if folder else directory
        yield from _stored_files(storage, below)


def _stored_media(storage):
    for prefix in MEDIA_PREFIXES:
        yield from _stored_files(storage, prefix)


def _media_storages():
    """The storages holding media in an object store: uploads, renditions."""
    found = [default_storage]
    if "renditions" in settings.STORAGES:
        found.append(storages["renditions"])
    return found


def _stored_stream(storage, name: str):
    """The object's size and a stream of it: one object is not held in memory."""
    if hasattr(storage, "bucket"):
        response = storage.bucket.Object(storage._normalize_name(name)).get()
        return response["ContentLength"], response["Body"]
    return storage.size(name), storage.open(name, "rb")


def _media_pack(archive: tarfile.TarFile) -> None:
    if not _object_store():
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            archive.add(media, arcname=".")
        return
    seen = set()
    for storage in _media_storages():
        for name in _stored_media(storage):
            if name in seen:
                continue
            seen.add(name)
            size, stream = _stored_stream(storage, name)
            info = tarfile.TarInfo(f"./{name}")
            info.size = size
            try:
                archive.addfile(info, stream)
            finally:
                stream.close()


def _media_unpack(archive: tarfile.TarFile) -> None:
    if not _object_store():
        media = Path(settings.MEDIA_ROOT)
        media.mkdir(parents=True, exist_ok=True)
        for child in media.iterdir():
            shutil.rmtree(child) if child.is_dir() else child.unlink()
        archive.extractall(media, filter="data")
        return
    for storage in _media_storages():
        for name in _stored_media(storage):
            storage.delete(name)
    renditions = _media_storages()[-1]
    for member in archive.getmembers():
        name = member.name.removeprefix("./")
        if not member.isfile() or name.split("/")[0] not in MEDIA_PREFIXES:
            continue
        storage = renditions if name.startswith("images/") else default_storage
        storage.save(name, File(archive.extractfile(member), name=name))


def backup_encrypt(*, folder: Path, recipient: str) -> Path:
    """Pack ``folder`` into ``<folder>.tar.age`` for ``recipient``; remove it.

    The tar stream goes straight into age: no plain archive is written.
    """
    folder = Path(folder)
    target = folder.with_name(folder.name + ENCRYPTED_SUFFIX)
    encrypt = subprocess.Popen(
        ["age", "--encrypt", "--recipient", recipient, "--output", str(target)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        with tarfile.open(fileobj=encrypt.stdin, mode="w|") as archive:
            archive.add(folder, arcname=folder.name)
    except BrokenPipeError:
        pass  # age stopped reading: its exit status and message tell why.
    finally:
        try:
            encrypt.stdin.close()
        except BrokenPipeError:
            pass
    if encrypt.wait() != 0:
        target.unlink(missing_ok=True)
        raise BackupError(f"age failed: {encrypt.stderr.read().decode().strip()}")
    shutil.rmtree(folder)
    target.chmod(0o600)
    return target


def backup_decrypt(*, source: Path, identity: Path, into: Path) -> Path:
    """Unpack the encrypted backup ``source`` below ``into``; its folder."""
    decrypt = subprocess.Popen(
        ["age", "--decrypt", "--identity", str(identity), str(source)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    unreadable = None
    try:
        with tarfile.open(fileobj=decrypt.stdout, mode="r|") as archive:
            archive.extractall(into, filter="data")
    except tarfile.TarError as error:
        unreadable = error
    if decrypt.wait() != 0:
        # A wrong identity: age says so, tar only saw an empty stream.
        raise BackupError(f"age failed: {decrypt.stderr.read().decode().strip()}")
    if unreadable is not None:
        raise BackupError(f"{source} is not a backup: {unreadable}")
    folders = [path for path in Path(into).iterdir() if path.is_dir()]
    if len(folders) != 1:
        raise BackupError(f"{source} is not a backup.")
    return folders[0]


def backup_restore_encrypted(*, source: Path, identity: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="restore-") as scratch:
        os.chmod(scratch, 0o700)
        folder = backup_decrypt(source=source, identity=identity, into=Path(scratch))
        backup_restore(source=folder)


def backup_copy_to_store(*, backup: Path, prefix: str) -> str:
    """Copy an encrypted backup into the object store below ``prefix``."""
    name = f"{prefix.strip('/')}/{Path(backup).name}"
    with open(backup, "rb") as handle:
        return default_storage.save(name, handle)


def backups_prune(*, root: Path, keep: int, prefix: str = "") -> list[str]:
    """Delete all but the newest ``keep`` backups in ``root`` (and the store)."""
    if keep <= 0:
        return []
    removed = []
    root = Path(root)
    local = (
        sorted(
            (path for path in root.iterdir() if BACKUP_NAME.match(path.name)),
            key=lambda path: path.name,
        )
        if root.exists()
        else []
    )
    for path in local[:-keep]:
        shutil.rmtree(path) if path.is_dir() else path.unlink()
        removed.append(str(path))
    if prefix and _object_store():
        folder = prefix.strip("/")
        stored = sorted(
            name
            for name in default_storage.listdir(folder)[1]
            if BACKUP_NAME.match(name)
        )
        for name in stored[:-keep]:
            default_storage.delete(f"{folder}/{name}")
            removed.append(f"{folder}/{name}")
    return removed
