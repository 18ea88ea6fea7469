"""The staging topology for the smoke test: started once, torn down at the end."""

import sys
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "deploy" / "staging"))

from topology import Topology  # noqa: E402

FIGURES = {}
FAILED = []
LOG_TAILS = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    if outcome.get_result().failed:
        FAILED.append(item.name)


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
        if FAILED:
            # CI keeps no files: the end of each service's log, for the failure.
            for log in sorted(staging.logs.glob("*.log")):
                tail = log.read_text(errors="replace").splitlines()[-15:]
                LOG_TAILS.extend([f"--- {log.name}", *tail])
        FIGURES["run time (s)"] = round(time.monotonic() - started)


@pytest.fixture(scope="session")
def journey():
    """What one step of the smoke test hands the next (ids, times, browsers)."""
    return {}


def pytest_terminal_summary(terminalreporter):
    if LOG_TAILS:
        terminalreporter.section("staging logs (last lines)")
        for line in LOG_TAILS:
            terminalreporter.write_line(line)
    if FIGURES:
        terminalreporter.section("staging figures")
        for name, value in FIGURES.items():
            terminalreporter.write_line(f"{name}: {value}")
