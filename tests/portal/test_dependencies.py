"""Every installed package comes from the hashed lock, at or above the
security releases the portal depends on."""

import re
from importlib import metadata
from pathlib import Path

import pytest
from django.conf import settings
from packaging.utils import canonicalize_name
from packaging.version import Version

BASE_DIR = Path(settings.BASE_DIR)
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)")
# Releases with security fixes the portal must never fall below.
SECURITY_FLOORS = {"django": "5.2.20", "django-allauth": "65.22.1"}


def _lock(name):
    """``{package: (version, hashes)}`` of a pip-compile lock file."""
    pins, current = {}, None
    for line in (BASE_DIR / name).read_text().splitlines():
        if match := PIN.match(line):
            current = canonicalize_name(match[1])
            pins[current] = (match[2], [])
        elif current and "--hash=sha256:" in line:
            pins[current][1].append(line.split("--hash=sha256:")[1].split()[0])
        elif line and not line.startswith((" ", "#")):
            current = None
    return pins


@pytest.mark.parametrize("name", ["requirements.txt", "requirements-dev.txt"])
def test_every_locked_package_is_pinned_with_a_hash(name):
    pins = _lock(name)
    assert len(pins) > 20
    assert [package for package, (_v, hashes) in pins.items() if not hashes] == []


def test_the_runtime_lock_agrees_with_the_development_lock():
    runtime, development = _lock("requirements.txt"), _lock("requirements-dev.txt")
    assert {
        package: (version, development.get(package, ("missing",))[0])
        for package, (version, _hashes) in runtime.items()
        if development.get(package, ("missing",))[0] != version
    } == {}


def test_every_installed_package_is_the_locked_version():
    pins = _lock("requirements-dev.txt")
    installed = {
        canonicalize_name(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
    }
    assert {
        package: (version, pins.get(package, ("not in the lock",))[0])
        for package, version in installed.items()
        if pins.get(package, ("not in the lock",))[0] != version
    } == {}


@pytest.mark.parametrize("package", sorted(SECURITY_FLOORS))
def test_security_releases_are_locked(package):
    version, _hashes = _lock("requirements.txt")[package]
    assert Version(version) >= Version(SECURITY_FLOORS[package])
