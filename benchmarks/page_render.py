"""Server-side render time and query count of the main public pages.

Runs in-process through Django's test client against the demo database
(`make demo` first), so it measures Python + database work without a web
server. Prints one row per page: median and p95 milliseconds, queries.

    .venv/bin/python benchmarks/page_render.py [--repeat 30]
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from dialog.models import EventPage  # noqa: E402
from education.models import CoursePage  # noqa: E402
from news.models import DecisionBriefingPage, NewsArticlePage  # noqa: E402


def pages():
    briefing = DecisionBriefingPage.objects.live().public().first()
    yield "home", "/"
    yield "calendar", "/kalender/"
    yield "calendar filtered", "/kalender/?young=on&step_free=on&kind=thematic_council"
    yield "news index", "/aktuelles/"
    yield "article", NewsArticlePage.objects.live().public().first().url
    yield "briefing", briefing.url
    yield "briefing print", briefing.url + "drucken/"
    yield "event", EventPage.objects.live().public().first().url
    yield "course", CoursePage.objects.live().public().first().url
    yield "search", "/suche/?q=Miete"
    yield "home (tr)", "/tr/"
    yield "calendar (ar)", "/ar/kalender/"
    yield (
        "article (en, German)",
        "/en" + NewsArticlePage.objects.live().public().first().url,
    )


def measure(client, url, repeat):
    client.get(url)  # warm caches and template loading
    timings = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    timings.sort()
    p95 = timings[max(0, int(len(timings) * 0.95) - 1)]
    return statistics.median(timings), p95, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    client = Client(HTTP_HOST="localhost")
    print(f"{'page':<20} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
    for name, url in pages():
        median, p95, queries = measure(client, url, args.repeat)
        print(f"{name:<20} {median:>10.1f} {p95:>8.1f} {queries:>8}")


if __name__ == "__main__":
    main()
