"""First view of a newly published page vs its later uncached views, in-process.

Publishes an article with a new photo (as ``make bench`` does), makes its
renditions as the background task would, then times the first and the later
views (CPU and wall milliseconds, queries) with production settings and the page
cache off. ``--cold-cache`` empties the shared cache first, as the bench's
control step (``forget-renditions``) did before the measured page's first view.

    DATABASE_URL=postgres://… REDIS_URL=redis://… \\
        .venv/bin/python benchmarks/first_view.py [--cold-cache]
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

from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.images.models import Rendition  # noqa: E402

from benchmarks.fixtures import image_pages  # noqa: E402
from core.renditions import renditions_generate_now  # noqa: E402


def timed(browser, url):
    with CaptureQueriesContext(connection) as queries:
        cpu, wall = time.process_time(), time.perf_counter()
        response = browser.get(url)
        cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    assert response.status_code == 200, response.status_code
    return cpu * 1000, wall * 1000, len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cold-cache", action="store_true")
    args = parser.parse_args()
    browser = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    browser.get("/")  # a worker that has served pages before
    page = image_pages()["pages"][0]
    renditions_generate_now(image_ids=[page["image_id"]])
    made = Rendition.objects.filter(image_id=page["image_id"]).count()
    if args.cold_cache:
        cache.clear()
    first = timed(browser, page["url"])
    later = [timed(browser, page["url"]) for _ in range(10)]
    after = Rendition.objects.filter(image_id=page["image_id"]).count()
    median = [statistics.median(values) for values in zip(*later, strict=True)]
    print(f"renditions made ahead: {made}, by the views: {after - made}")
    print(f"first view: {first[0]:.1f} ms CPU, {first[1]:.1f} ms wall, {first[2]} q")
    print(
        f"later views: {median[0]:.1f} ms CPU, {median[1]:.1f} ms wall, "
        f"{median[2]:.0f} q"
    )
    print(f"first / later (CPU): {first[0] / median[0]:.2f}")


if __name__ == "__main__":
    main()
