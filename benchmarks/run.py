"""``make bench``: the portal at party scale on PostgreSQL + Redis behind gunicorn.

Creates a throwaway PostgreSQL database, migrates it, generates scale-N load
data, starts gunicorn with production settings and measures with ``wrk``
(installed with apt-get if missing): the static-file yardstick, each anonymous
page type with and without the page cache, search p95, a registration burst
and the first view of a new page with a new photo. Prints
``figure | value | goal | ratio | pass`` and writes the table into
``benchmarks/README.md``. Timings on a shared machine are noisy, so every
throughput is also given as a ratio to the static file of the same run.

    .venv/bin/python benchmarks/run.py [--scale 1] [--workers 2] [--duration 10]

Environment: ``BENCH_POSTGRES`` (server URL, default
``postgres://postgres@127.0.0.1:5432``), ``BENCH_REDIS_URL`` (default
``redis://127.0.0.1:6379/6``; the database is flushed), ``BENCH_PORT`` (first of
four ports, default 8116), ``BENCH_CACHE_OFF`` (the variable that switches the
page cache off, default ``PAGE_CACHE_SECONDS=0``).

All load comes from this machine, so every bench client sends its own
``X-Forwarded-For`` (IPv6 documentation addresses) and the bench servers read it
(``PORTAL_CLIENT_IP_HEADER=HTTP_X_FORWARDED_FOR``, as behind a proxy): the
portal's per-IP limits stay on and count as in production, but no client passes
them. Nothing is switched off for the bench.
"""

import argparse
import datetime
import http.client
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
README = ROOT / "benchmarks" / "README.md"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"

# bakerydemo, production settings, SQLite, gunicorn 2 workers, wrk -t2 -c8 -d10s,
# measured on this machine: home page, a listing page, whitenoise's 36 KB CSS.
REFERENCE = {"home": 42.0, "listing": 67.0, "static": 3100.0}
WORDS = (
    "Miete Wohnung Mietendeckel Kiez Schule Kita Radweg Straßenbahn Klimaschutz "
    "Krankenhaus Pflege Bibliothek Schwimmbad Sozialticket Mindestlohn Haushalt "
    "Bezirksamt Senat Genossenschaft Ehrenamt Initiative Nahverkehr Stadtgrün "
    "Wasserbetriebe Sozialwohnung Schulbau Lehrkräfte Hitzeschutz Verkehrswende"
).split()

# Every request names its own client in X-Forwarded-For (an IPv6 documentation
# address, never a real one), which the bench servers read as the client's IP
# (PORTAL_CLIENT_IP_HEADER): all load comes from one machine, and the portal's
# per-IP limits (search: 60 a minute) would otherwise answer it with 429s. The
# limits count an IPv6 client per /64, so each client gets its own /64.
WRK_SCRIPT = """
local paths = {%s}
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("id", threads)
end
local n = 0
request = function()
  n = n + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do headers[name] = value end
  headers["X-Forwarded-Proto"] = "https"
  headers["X-Forwarded-For"] = string.format("2001:db8:%%x:%%x::1", id or 0, n %% 65536)
  return wrk.format("GET", paths[(n %% #paths) + 1], headers)
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %%f %%f %%d %%d\\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(95) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.timeout,
    summary.requests))
end
"""


class Bench:
    def __init__(self, args):
        self.args = args
        self.rows = []
        self.started = time.monotonic()
        self.port = int(os.environ.get("BENCH_PORT", "8116"))
        server = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
        self.database = f"bench_{datetime.datetime.now():%Y%m%d%H%M%S}"
        self.server = server.rstrip("/")
        key, _eq, value = os.environ.get(
            "BENCH_CACHE_OFF", "PAGE_CACHE_SECONDS=0"
        ).partition("=")
        self.cache_off = {key: value}
        self.env = os.environ | {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"{self.server}/{self.database}",
            "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6"),
            "EMAIL_URL": "dummymail://",
            "MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
            "LOG_LEVEL": "WARNING",
            "PYTHONUNBUFFERED": "1",
            # The bench's clients each send their own X-Forwarded-For (see
            # WRK_SCRIPT); production behind a proxy sets this the same way.
            "PORTAL_CLIENT_IP_HEADER": "HTTP_X_FORWARDED_FOR",
        }
        self.servers = []

    # -- plumbing ------------------------------------------------------------

    def log(self, text):
        elapsed = time.monotonic() - self.started
        print(f"[{elapsed:6.0f} s] {text}", flush=True)

    def manage(self, *args, capture=False):
        return subprocess.run(
            [PYTHON, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=capture,
            text=True,
        ).stdout

    def fixture(self, *args, env=None):
        out = subprocess.run(
            [PYTHON, "benchmarks/fixtures.py", *map(str, args)],
            cwd=ROOT,
            env=self.env | (env or {}),
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        return json.loads(out.strip().splitlines()[-1])

    def row(self, figure, value, unit, goal="", ratio=None, ok=None):
        self.rows.append(
            {
                "figure": figure,
                "value": f"{value:,.1f} {unit}".strip()
                if isinstance(value, float)
                else f"{value} {unit}".strip(),
                "goal": goal,
                "ratio": "" if ratio is None else f"{ratio:.3f}",
                "pass": "" if ok is None else ("yes" if ok else "NO"),
            }
        )
        last = self.rows[-1]
        self.log(
            f"{figure}: {last['value']} (goal {goal or '–'}, ratio "
            f"{last['ratio'] or '–'}, pass {last['pass'] or '–'})"
        )

    def start_server(self, port, workers, extra_env=None):
        process = subprocess.Popen(
            [
                str(Path(PYTHON).parent / "gunicorn"),
                "portal.wsgi:application",
                f"--workers={workers}",
                f"--bind=127.0.0.1:{port}",
                "--backlog=2048",
                "--timeout=120",
                "--log-level=warning",
            ],
            cwd=ROOT,
            env=self.env | (extra_env or {}),
        )
        self.servers.append(process)
        for _ in range(240):
            try:
                self.get(port, "/")
                break
            except OSError:
                time.sleep(0.5)
        return process

    def stop_server(self, process):
        self.servers.remove(process)
        process.terminate()
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            # Workers still busy after a minute on an overloaded machine.
            process.kill()
            process.wait()

    def get(self, port, path, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        started = time.perf_counter()
        connection.request(
            "GET",
            path,
            headers={"X-Forwarded-Proto": "https", "Host": f"127.0.0.1:{port}"}
            | (headers or {}),
        )
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - started
        connection.close()
        return response.status, body, elapsed

    def wrk(self, port, paths, *, connections=8, threads=2, duration=None):
        duration = duration or self.args.duration
        lua = WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths)
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(lua)
        try:
            out = subprocess.run(
                [
                    "wrk",
                    f"-t{threads}",
                    f"-c{connections}",
                    f"-d{duration}s",
                    "--timeout=10s",
                    "-s",
                    script.name,
                    f"http://127.0.0.1:{port}",
                ],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        finally:
            os.unlink(script.name)
        rate, p95, errors, requests = re.search(
            r"RESULT (\S+) (\S+) (\d+) (\d+)", out
        ).groups()
        return float(rate), float(p95), int(errors), int(requests)

    # -- steps ---------------------------------------------------------------

    def ensure_wrk(self):
        if shutil.which("wrk"):
            return
        self.log("wrk missing: apt-get install -y wrk")
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=True)

    def prepare(self):
        subprocess.run(
            ["createdb", "-h", "127.0.0.1", "-U", "postgres", self.database],
            check=True,
            env=self.env,
        )
        subprocess.run(
            ["redis-cli", "-u", self.env["REDIS_URL"], "flushdb"],
            check=True,
            capture_output=True,
        )
        self.log(f"database {self.database}: migrate")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.log(f"generate_load_data --scale {self.args.scale:g}")
        started = time.monotonic()
        out = self.manage(
            "generate_load_data",
            f"--scale={self.args.scale:g}",
            f"--seed={self.args.seed}",
            capture=True,
        )
        seconds = time.monotonic() - started
        self.log(out.strip().splitlines()[-2])
        limit = 600 * self.args.scale
        self.row(
            f"load data, scale {self.args.scale:g} (incl. demo and search index)",
            seconds,
            "s",
            f"< {limit:.0f} s",
            ok=seconds < limit,
        )

    def throughput(self, urls):
        cached = self.start_server(self.port, self.args.workers)
        uncached = self.start_server(self.port + 1, self.args.workers, self.cache_off)
        status, body, _ = self.get(self.port, "/")
        assert status == 200, f"home page answered {status}"
        css = re.search(rb"/static/css/portal[.\w]*\.css", body).group().decode()
        static, _p95, errors, _n = self.wrk(self.port, [css])
        self.static = static
        self.row(
            "static CSS file (whitenoise), the yardstick",
            static,
            "req/s",
            f"reference {REFERENCE['static']:,.0f}",
            ratio=static / REFERENCE["static"],
        )
        for name, path in urls.items():
            modes = [("with page cache", self.port), ("no cache", self.port + 1)]
            for label, port in modes[1:] if self.args.quick else modes:
                self.get(port, path)  # warm the worker
                rate, p95, errors, requests = self.wrk(port, [path])
                ratio = rate / static
                if label == "with page cache":
                    goal, ok = "≥ 0.5 × static", ratio >= 0.5
                else:
                    kind = "home" if name == "home" else "listing"
                    need = 3 * REFERENCE[kind] / REFERENCE["static"]
                    goal, ok = f"≥ {need:.3f} × static", ratio >= need
                self.row(
                    f"{name}, {label} ({requests} requests, p95 {p95:.0f} ms, "
                    f"{errors} errors)",
                    rate,
                    "req/s",
                    goal,
                    ratio=ratio,
                    ok=ok and errors == 0 and requests > 0,
                )
        # Search latency: two connections keep both workers busy without a queue.
        paths = [f"/suche/?q={urllib.request.quote(w)}" for w in WORDS]
        # Each word's first search, one after the other: results are cached for
        # a minute (PORTAL_SEARCH_CACHE_SECONDS), so the wrk run below mostly
        # measures cached results; this row is the search itself.
        first = []
        for number, path in enumerate(paths):
            headers = {"X-Forwarded-For": f"2001:db8:ffff:{number:x}::1"}
            status, _body, elapsed = self.get(self.port + 1, path, headers)
            if status == 200:
                first.append(elapsed * 1000)
        first_p95 = sorted(first)[max(0, int(len(first) * 0.95) - 1)] if first else 0
        self.row(
            f"search p95, first search of each of {len(WORDS)} words "
            f"(one after the other, {len(first)} answered 200)",
            first_p95,
            "ms",
            "< 100 ms",
            ok=bool(first) and len(first) == len(paths) and first_p95 < 100,
        )
        rate, p95, errors, requests = self.wrk(
            self.port + 1, paths, connections=2, threads=1
        )
        self.row(
            f"search p95, {len(WORDS)} different words, 2 connections "
            f"({requests} requests, {rate:.1f} req/s, {errors} errors)",
            p95,
            "ms",
            "< 100 ms",
            ok=p95 < 100 and errors == 0 and requests > 0,
        )
        return cached, uncached

    def burst(self, port, seats=100, people=500):
        self.log(f"registration burst: {people} members, {seats} seats")
        setup = self.fixture("burst", seats, people)
        people = len(setup["sessions"])  # fewer members exist below scale 0.1
        barrier = threading.Barrier(people)
        results = [None] * people
        token = secrets.token_hex(16)  # 32 characters, a valid CSRF secret

        def register(number, session):
            body = f"csrfmiddlewaretoken={token}&consent=on"
            headers = {
                "Host": f"127.0.0.1:{port}",
                "X-Forwarded-Proto": "https",
                "Origin": f"https://127.0.0.1:{port}",
                "Referer": f"https://127.0.0.1:{port}{setup['url']}",
                "Cookie": f"{setup['session_cookie']}={session}; csrftoken={token}",
                # One client each: 500 members, 500 addresses (see WRK_SCRIPT).
                "X-Forwarded-For": f"2001:db8:b:{number:x}::1",
                "Content-Type": "application/x-www-form-urlencoded",
            }
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            barrier.wait()
            started = time.perf_counter()
            try:
                connection.request("POST", setup["url"], body=body, headers=headers)
                response = connection.getresponse()
                response.read()
                results[number] = (response.status, time.perf_counter() - started)
            except OSError:
                results[number] = (0, time.perf_counter() - started)
            finally:
                connection.close()

        threads = [
            threading.Thread(target=register, args=(n, s))
            for n, s in enumerate(setup["sessions"])
        ]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - started
        statuses = [status for status, _ in results]
        latencies = sorted(seconds for _, seconds in results)
        p95 = latencies[int(0.95 * (len(latencies) - 1))] * 1000
        failures = sum(1 for s in statuses if s >= 500 or s == 0)
        counts = self.fixture("burst-result", setup["page_id"])
        ok = (
            counts["confirmed"] == seats
            and counts["waiting"] == people - seats
            and failures == 0
            and all(s == 302 for s in statuses)
        )
        self.row(
            f"registration burst: {people} concurrent POSTs, {seats} seats → "
            f"{counts['confirmed']} confirmed, {counts['waiting']} waiting, "
            f"{failures} 5xx/failed, in {wall:.1f} s; p95",
            p95,
            "ms",
            f"{seats} confirmed, {people - seats} waiting, no 5xx",
            ok=ok,
        )

    def images(self, port):
        self.log("images: publish two articles with new photos, run the worker")
        pages = self.fixture("image-pages")["pages"]
        self.fixture("drop-other-tasks")
        self.manage(
            "db_worker", "--batch", "--no-startup-delay", "-v0", "--queue-name=*"
        )
        prepared, control = pages
        ids = [p["image_id"] for p in pages]
        made_ahead = self.fixture("renditions", *ids)["count"]
        self.fixture("forget-renditions", control["image_id"])

        # Both pages' first views are rendered from scratch, as every page's
        # first view after a publish is. The later views they are compared with
        # are too: before each, the fragment caches are emptied as any publish
        # empties them, so the ratio shows what the photo costs the first view.
        # A page's later views from the fragment cache are reported beside it.
        # A few other pages first, so that both workers have compiled the
        # article templates (a worker's own first article is not a page's).
        for _ in range(4):
            self.get(port, self.urls["article"])

        def first_and_later(url):
            first = self.get(port, url)[2]
            cached = [self.get(port, url)[2] for _ in range(6)]
            fresh = []
            for _ in range(4):
                self.fixture("forget-fragments")
                fresh.append(self.get(port, url)[2])
            return (
                first * 1000,
                statistics.median(fresh) * 1000,
                statistics.median(cached) * 1000,
            )

        before = self.fixture("renditions", prepared["image_id"])["count"]
        first, later, cached = first_and_later(prepared["url"])
        after = self.fixture("renditions", prepared["image_id"])["count"]
        control_first, control_later, _cached = first_and_later(control["url"])
        self.row(
            f"new page with a new photo: first view vs later views rendered afresh "
            f"({first:.0f} ms vs {later:.0f} ms; renditions made ahead: "
            f"{made_ahead}, by page views: {after - before})",
            first / later,
            "×",
            "≤ 1.5 ×, no rendition made by a view",
            ok=first / later <= 1.5 and after == before,
        )
        self.row(
            f"the same page's later views from the fragment cache ({cached:.0f} ms)",
            cached,
            "ms",
        )
        self.row(
            f"control, renditions not made ahead: first view "
            f"{control_first:.0f} ms vs later {control_later:.0f} ms",
            control_first / control_later,
            "×",
        )

    def scale_out(self):
        """The same article, uncached, with twice the workers (short runs)."""
        article = self.urls["article"]
        server = self.start_server(self.port + 2, self.args.workers * 2, self.cache_off)
        self.get(self.port + 2, article)
        rate, p95, errors, _ = self.wrk(
            self.port + 2, [article], connections=16, threads=2
        )
        self.stop_server(server)
        self.row(
            f"article, no cache, {self.args.workers * 2} workers, 16 connections "
            f"(p95 {p95:.0f} ms)",
            rate,
            "req/s",
            ratio=rate / self.static,
        )

    def logged_in_briefing(self):
        script = ROOT / "benchmarks" / "logged_in_briefing.py"
        if not script.exists():
            return
        self.log("benchmarks/logged_in_briefing.py")
        try:
            out = subprocess.run(
                [PYTHON, str(script), f"--workers={self.args.workers}"],
                cwd=ROOT,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=600,
            )
        except subprocess.TimeoutExpired:
            self.log("logged_in_briefing.py failed: no result within 10 minutes")
            return
        # figure, value, goal, pass (tab-separated); the goal missed is a "NO"
        # in the table, a non-zero exit means the script broke.
        for line in out.stdout.splitlines():
            parts = line.split("\t")
            if len(parts) not in (3, 4):
                continue
            figure, value, goal, passed = [*parts, ""][:4]
            self.rows.append(
                {
                    "figure": figure,
                    "value": value,
                    "goal": goal,
                    "ratio": "",
                    "pass": passed,
                }
            )
            self.log(f"{figure}: {value} (goal {goal or '–'}, pass {passed or '–'})")
        if out.returncode:
            reason = (out.stderr or out.stdout).strip()[-500:] or "no output"
            self.log(f"logged_in_briefing.py failed ({out.returncode}): {reason}")

    # -- report --------------------------------------------------------------

    def table(self):
        lines = [
            "| figure | value | goal | ratio | pass |",
            "| --- | --- | --- | --- | --- |",
        ]
        for r in self.rows:
            lines.append(
                f"| {r['figure']} | {r['value']} | {r['goal']} | {r['ratio']} | "
                f"{r['pass']} |"
            )
        return "\n".join(lines)

    def write_readme(self, total, load, start=START, end=END):
        text = README.read_text() if README.exists() else f"{START}\n{END}\n"
        if start not in text:
            return
        block = "\n".join(
            [
                start,
                f"Command: `make bench` (`benchmarks/run.py --scale "
                f"{self.args.scale:g} --workers {self.args.workers} --duration "
                f"{self.args.duration}{' --quick' if self.args.quick else ''}`), "
                f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC, "
                f"total {total / 60:.1f} min. Load average at the start: {load}.",
                "",
                self.table(),
                end,
            ]
        )
        before, _s, rest = text.partition(start)
        _old, _e, after = rest.partition(end)
        README.write_text(before + block + after)

    def run(self):
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        self.ensure_wrk()
        try:
            self.prepare()
            self.urls = self.fixture("urls")
            cached, uncached = self.throughput(self.urls)
            if not self.args.quick:
                self.burst(self.port + 1)
                self.images(self.port + 1)
                self.logged_in_briefing()
            for server in (cached, uncached):
                self.stop_server(server)
            if not self.args.quick:
                self.scale_out()
        finally:
            for server in list(self.servers):
                self.stop_server(server)
            if not self.args.keep_database:
                subprocess.run(
                    ["dropdb", "-h", "127.0.0.1", "-U", "postgres", self.database],
                    env=self.env,
                )
        total = time.monotonic() - self.started
        self.row("make bench, total", total / 60, "min", "< 15 min", ok=total < 900)
        print()
        print(self.table())
        saved = (
            ROOT
            / "var"
            / "bench"
            / f"scale{self.args.scale:g}-workers{self.args.workers}.md"
        )
        saved.parent.mkdir(parents=True, exist_ok=True)
        saved.write_text(self.table() + "\n")
        if self.args.scale == 1 and self.args.workers == 2 and not self.args.quick:
            self.write_readme(total, load)
        else:
            # Other shapes fill their own table of the scale-out note, if the
            # README has one (``--scale 3 --quick``, ``--workers 4 --quick``).
            shape = f"scale{self.args.scale:g}-workers{self.args.workers}"
            self.write_readme(
                total,
                load,
                start=f"<!-- bench:{shape}:start -->",
                end=f"<!-- bench:{shape}:end -->",
            )


def main():
    # A terminated run still stops its servers and drops its database.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--duration", type=int, default=10, help="wrk seconds")
    parser.add_argument("--keep-database", action="store_true")
    parser.add_argument(
        "--quick",
        action="store_true",
        help="Only static file, uncached pages and search (for other data scales).",
    )
    Bench(parser.parse_args()).run()


if __name__ == "__main__":
    main()
