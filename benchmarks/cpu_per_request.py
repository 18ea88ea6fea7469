"""CPU milliseconds per uncached request of the main page types, in-process.

Production settings (cached template loader, DEBUG off) against the database
in ``DATABASE_URL`` (load data: ``generate_load_data --scale 1``) and the cache
in ``REDIS_URL``, page cache off. CPU time (``time.process_time``) is what a
gunicorn worker spends per request and does not depend on how busy the shared
machine is; wall time includes waiting for PostgreSQL and Redis.

    DATABASE_URL=postgres://… REDIS_URL=redis://… \\
        .venv/bin/python benchmarks/cpu_per_request.py [--repeat 40] [--profile course]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks.fixtures import urls  # noqa: E402
from dialog.models import EventPage  # noqa: E402


def pages():
    found = urls()
    event = EventPage.objects.live().public().filter(slug__startswith="lt-").first()
    return {
        "calendar": found["calendar (filtered)"],
        "search": found["search"],
        "article": found["article"],
        "briefing": found["briefing"],
        "course": found["course"],
        "event": event.url if event else None,
        "home": found["home"],
    }


def client():
    return Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")


def measure(browser, url, repeat):
    response = browser.get(url)
    assert response.status_code == 200, (url, response.status_code)
    cpu, wall = [], []
    for _ in range(repeat):
        started_cpu, started = time.process_time(), time.perf_counter()
        browser.get(url)
        cpu.append((time.process_time() - started_cpu) * 1000)
        wall.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        browser.get(url)
    return statistics.median(cpu), statistics.median(wall), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--profile", help="page type to profile with pyinstrument")
    parser.add_argument("--only", nargs="*", help="page types to measure")
    args = parser.parse_args()
    browser = client()
    targets = {k: v for k, v in pages().items() if v}
    if args.profile:
        from pyinstrument import Profiler

        url = targets[args.profile]
        browser.get(url)
        profiler = Profiler(interval=0.0005)
        profiler.start()
        for _ in range(args.repeat):
            browser.get(url)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        return
    print(f"{'page':<10} {'CPU ms':>7} {'wall ms':>8} {'queries':>8}  url")
    for name, url in targets.items():
        if args.only and name not in args.only:
            continue
        cpu, wall, queries = measure(browser, url, args.repeat)
        print(f"{name:<10} {cpu:7.1f} {wall:8.1f} {queries:8d}  {url}")


if __name__ == "__main__":
    main()
