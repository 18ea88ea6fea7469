"""Refresh the README's screenshots (home, calendar, briefing) from the demo.

Builds the demo portal in a throwaway SQLite file, serves it with runserver on a
free local port and photographs three pages with Debian's Chromium through
Playwright. Writes ``docs/screenshots/{home,calendar,briefing}.png``.

    .venv/bin/python tools/screenshots.py      (or: make screenshots)
"""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
VIEWPORT = {"width": 1280, "height": 800}
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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def manage(*args, env):
    """Run a management command; its output (the demo's console mails) is dropped."""
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def wait_for(url, *, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The server did not answer at {url}.")


def demo_paths(env):
    """Calendar and one public briefing of the demo, asked from Django itself."""
    code = (
        "from dialog.models import EventIndexPage;"
        "from news.models import DecisionBriefingPage;"
        "print(EventIndexPage.objects.live().first().url);"
        "print(DecisionBriefingPage.objects.live().public().first().url)"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return {"home": "/", "calendar": out[-2], "briefing": out[-1]}


def photograph(base_url, paths):
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    host = base_url.split("//", 1)[1]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=CHROMIUM_ARGS,
        )
        context = browser.new_context(
            viewport=VIEWPORT, locale="de-DE", timezone_id="Europe/Berlin"
        )
        # The portal asks no other host; abort anything that tries.
        context.route(
            "**/*",
            lambda route: (
                route.continue_()
                if host in route.request.url.split("/")[2:3]
                else route.abort()
            ),
        )
        page = context.new_page()
        for name, path in paths.items():
            page.goto(base_url + path, wait_until="networkidle")
            target = OUT / f"{name}.png"
            page.screenshot(path=str(target))
            print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KiB")
        browser.close()


def main():
    with tempfile.TemporaryDirectory() as folder:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "portal.settings.dev",
            "DATABASE_URL": f"sqlite:///{folder}/screenshots.sqlite3",
        }
        manage("migrate", "--noinput", "-v", "0", env=env)
        manage("load_demo", "-v", "0", env=env)
        paths = demo_paths(env)
        server = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "runserver",
                f"127.0.0.1:{port}",
                "--noreload",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base_url = f"http://127.0.0.1:{port}"
            wait_for(base_url + "/")
            photograph(base_url, paths)
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
