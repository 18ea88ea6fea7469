"""The staging topology for the smoke test: started once, torn down at the end."""

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "deploy" / "staging"))

from topology import Topology  # noqa: E402

FIGURES = {}


@pytest.fixture(scope="session")
def topology():
    started = time.monotonic()
    staging = Topology(subscribers=200)
    try:
        staging.start()
        yield staging
    finally:
        FIGURES.update(staging.figures())
        staging.stop()
        FIGURES["run time (s)"] = round(time.monotonic() - started)


@pytest.fixture(scope="session")
def journey():
    """What one step of the smoke test hands the next (ids, times, browsers)."""
    return {}


def pytest_terminal_summary(terminalreporter):
    if FIGURES:
        terminalreporter.section("staging figures")
        for name, value in FIGURES.items():
            terminalreporter.write_line(f"{name}: {value}")
