"""Real-browser journeys: Debian's Chromium driven by Playwright against a live server.

One browser per test session (per xdist worker), a fresh context per test. Every
request the page makes is recorded; a request to any host but the live server is
aborted and fails the test. Each journey step saves a screenshot under
``var/screenshots/<test>/``.
"""

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core import mail

# Playwright's sync API keeps an event loop running in the test thread; Django
# refuses database access from such a thread unless told it is safe (it is: the
# loop never runs Django code).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Without the background-networking flags Chromium itself calls Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(settings.BASE_DIR) / "var" / "screenshots"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser`.")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {
        **browser_context_args,
        "locale": "de-DE",
        "timezone_id": "Europe/Berlin",
        "viewport": {"width": 1280, "height": 900},
    }


class Journey:
    """A browser tab on the live server that records every request it makes."""

    def __init__(self, *, context, base_url, name):
        self.context = context
        self.base_url = base_url.rstrip("/")
        self.host = urlsplit(self.base_url).netloc
        self.requests = []
        self.foreign = []
        self.folder = SCREENSHOTS / name
        shutil.rmtree(self.folder, ignore_errors=True)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.steps = 0
        context.route("**/*", self._guard)
        context.set_default_timeout(15_000)
        self.page = context.new_page()

    def _guard(self, route):
        url = route.request.url
        self.requests.append(url)
        parts = urlsplit(url)
        if parts.scheme in ("http", "https", "ws", "wss") and parts.netloc != self.host:
            self.foreign.append(url)
            route.abort("blockedbyclient")
        else:
            route.continue_()

    def url(self, path):
        return self.base_url + path

    def goto(self, path, **kwargs):
        return self.page.goto(self.url(path), **kwargs)

    def screenshot(self, step, *, page=None, full_page=True):
        """Save what the person sees now as ``NN-step.png``."""
        self.steps += 1
        name = f"{self.steps:02d}-{re.sub(r'[^a-z0-9]+', '-', step.lower())}.png"
        path = self.folder / name
        (page or self.page).screenshot(path=str(path), full_page=full_page)
        return path


@pytest.fixture(autouse=True)
def people_fill_forms_quickly(settings):
    """The journeys fill a form faster than a person; the minimum time a form
    must be open (bot protection, tested in tests/core/test_bot_protection.py)
    would refuse them."""
    settings.PORTAL_FORM_MIN_SECONDS = 0


@pytest.fixture
def journey(request, new_context, live_server):
    """A fresh browser context on the live server, guarded against third parties."""
    mail.outbox = []
    size = getattr(request, "param", None) or {}
    context = new_context(**size)
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")
    journey = Journey(context=context, base_url=live_server.url, name=name)
    yield journey
    assert not journey.foreign, f"requests to other hosts: {journey.foreign}"


def login(journey, username, password):
    """Log in through the site's login form, as a person would."""
    page = journey.page
    journey.goto("/konto/anmelden/")
    form = page.locator("main form").filter(has=page.locator("input[name=password]"))
    form.locator("input[name=login]").fill(username)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    page.wait_for_url(lambda url: "/konto/anmelden/" not in url)


def logout(journey):
    """Log out with the header's button."""
    journey.goto("/")
    journey.page.locator(".site-account form button[type=submit]").click()
    journey.page.wait_for_load_state()
