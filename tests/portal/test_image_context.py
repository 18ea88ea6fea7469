"""Nothing secret or personal goes into the container image's build context
(``deploy/Containerfile`` copies the whole checkout)."""

import fnmatch
from pathlib import PurePosixPath

import pytest
from django.conf import settings

BASE_DIR = settings.BASE_DIR
IGNORE_FILES = [".containerignore", ".dockerignore"]
# Present on a server or laptop that builds the image, never to be baked in.
PRIVATE = [
    "deploy/.env",
    "var/media/documents/mitglieder.pdf",
    "var/backups/20261207T021500Z.tar.age",
    "db.sqlite3",
    "var/check.sqlite3",
    ".git/config",
    ".venv/bin/python",
    "home/__pycache__/models.cpython-311.pyc",
]
NEEDED = ["manage.py", "portal/settings/production.py", "deploy/env.example"]


def _patterns(name):
    lines = (BASE_DIR / name).read_text().splitlines()
    return [line.strip() for line in lines if line.strip() and line[0] != "#"]


def _ignored(path, patterns):
    """Like docker/podman: a pattern excludes a path or any folder above it."""
    parts = PurePosixPath(path).parts
    candidates = ["/".join(parts[: i + 1]) for i in range(len(parts))]
    return any(
        fnmatch.fnmatchcase(candidate, pattern.removeprefix("**/"))
        or fnmatch.fnmatchcase(PurePosixPath(candidate).name, pattern)
        or fnmatch.fnmatchcase(candidate, pattern)
        for candidate in candidates
        for pattern in patterns
    )


@pytest.mark.parametrize("name", IGNORE_FILES)
def test_the_build_context_leaves_out_secrets_and_data(name):
    patterns = _patterns(name)

    assert [path for path in PRIVATE if not _ignored(path, patterns)] == []


@pytest.mark.parametrize("name", IGNORE_FILES)
def test_the_build_context_keeps_the_code(name):
    patterns = _patterns(name)

    assert [path for path in NEEDED if _ignored(path, patterns)] == []


def test_docker_and_podman_read_the_same_rules():
    assert _patterns(".containerignore") == _patterns(".dockerignore")
