"""Site search in-process: p50/p95 over the bench's 29 words, CPU ms, queries.

Production settings against the database in ``DATABASE_URL`` (load data:
``generate_load_data --scale 1``) and the cache in ``REDIS_URL``, page cache
off (``make bench``'s "search without page cache"). ``first`` is each word's
first search after the cache was emptied of search results; ``repeated`` the
same words again (what wrk hammering one URL sees). CPU time
(``time.process_time``) does not depend on how busy the shared machine is.

    DATABASE_URL=postgres://… REDIS_URL=redis://… \\
        .venv/bin/python benchmarks/search_latency.py [--rounds 3]
"""

import argparse
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.production"
os.environ.setdefault("SECRET_KEY", "benchmark-only-secret-key-" + "x" * 40)
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ["PAGE_CACHE_SECONDS"] = "0"
# Each request from its own address, as in ``make bench``: no rate limit.
os.environ["PORTAL_CLIENT_IP_HEADER"] = "HTTP_X_FORWARDED_FOR"

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from benchmarks.run import WORDS  # noqa: E402
from core.caching import purge_everything  # noqa: E402


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def timed(browser, url):
    timed.calls = getattr(timed, "calls", 0) + 1
    address = f"2001:db8:5:{timed.calls % 65536:x}::1"
    started_cpu, started = time.process_time(), time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        response = browser.get(url, HTTP_X_FORWARDED_FOR=address)
    assert response.status_code == 200, (url, response.status_code)
    cpu = (time.process_time() - started_cpu) * 1000
    return (time.perf_counter() - started) * 1000, cpu, len(queries)


def report(name, samples):
    wall = [s[0] for s in samples]
    cpu = [s[1] for s in samples]
    queries = [s[2] for s in samples]
    print(
        f"{name:<9} wall p50 {percentile(wall, 0.5):6.1f} ms  p95 "
        f"{percentile(wall, 0.95):6.1f} ms  CPU p50 {statistics.median(cpu):5.1f} ms"
        f"  p95 {percentile(cpu, 0.95):5.1f} ms  queries max {max(queries)}"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    browser = Client(HTTP_HOST="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")
    urls = [f"/suche/?q={urllib.parse.quote(word)}" for word in WORDS]
    browser.get(
        urls[0], HTTP_X_FORWARDED_FOR="2001:db8:5::"
    )  # templates, restriction list, site root paths
    first, repeated = [], []
    for _ in range(args.rounds):
        purge_everything()
        for url in urls:
            first.append(timed(browser, url))
        for url in urls:
            repeated.append(timed(browser, url))
    print(f"{len(WORDS)} words, {args.rounds} rounds, page cache off")
    report("first", first)
    report("repeated", repeated)


if __name__ == "__main__":
    main()
