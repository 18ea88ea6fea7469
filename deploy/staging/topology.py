"""``make staging``: the production topology on one machine, as processes.

nginx terminates TLS (a self-signed certificate made at start) in front of two
gunicorn instances with the production settings; two task workers
(``manage.py run_worker``, ``db_worker`` where that command does not exist);
the scheduled commands of ``deploy/schedule.txt`` run on demand; PostgreSQL (a
fresh ``staging_<random>`` database, dropped at the end), Redis (database 8, 9
for the task queue), an S3-compatible store (moto's server) and an SMTP sink
(``smtp_sink.py``, one JSON file per mail). Everything lives under
``var/staging/``; every port is a free one; ``Topology.stop`` tears it all
down, also after a failure.

The smoke test (``tests/staging/``) starts it through its session fixture;
``python deploy/staging/topology.py`` starts it alone and keeps it up until
Ctrl-C, for a look at it by hand.
"""

import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
BIN = Path(PYTHON).parent
POSTGRES = os.environ.get("STAGING_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("STAGING_REDIS", "redis://127.0.0.1:6379")
REDIS_DB, TASKS_REDIS_DB = 8, 9
BUCKET = "staging-media"
PASSWORD = os.environ.get("STAGING_PASSWORD") or "staging-" + secrets.token_hex(8)
NGINX_TEMPLATE = ROOT / "deploy" / "nginx" / "portal.conf"
SCHEDULE = ROOT / "deploy" / "schedule.txt"
KIT_ENV = ROOT / "deploy" / "env.example"
# Secrets, names and addresses of the kit's example; staging sets its own.
HOST_VARIABLES = {
    "PORTAL_HOST",
    "SECRET_KEY",
    "POSTGRES_PASSWORD",
    "BACKUP_AGE_RECIPIENT",
    "BACKUP_S3_PREFIX",
}
# The SMTP sink answers each mail after this long, as a real server takes a
# moment: a send to a few hundred subscribers lasts seconds, time to kill a
# worker in the middle of it.
SMTP_DELAY = float(os.environ.get("STAGING_SMTP_DELAY", "0.03"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check, *, timeout, what, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except OSError:
            pass
        time.sleep(interval)
    raise TimeoutError(f"{what} not ready after {timeout} s")


def port_open(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex(("127.0.0.1", port)) == 0


class Process:
    """One service in its own process group, its output in ``logs/<name>.log``."""

    def __init__(self, name, argv, *, env, logs: Path, cwd=ROOT):
        self.name, self.argv, self.env, self.cwd = name, argv, env, cwd
        self.log_path = logs / f"{name}.log"
        self.popen = None

    def start(self):
        log = open(self.log_path, "ab")  # noqa: SIM115 - the child keeps it
        log.write(f"\n--- start {shlex.join(map(str, self.argv))}\n".encode())
        log.flush()
        self.popen = subprocess.Popen(
            [str(arg) for arg in self.argv],
            cwd=self.cwd,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        return self

    @property
    def running(self) -> bool:
        return self.popen is not None and self.popen.poll() is None

    def pids(self) -> set[int]:
        """The leader and every descendant: gunicorn's workers, and RQ's work
        horses, which leave the group (``setsid``) as systemd's cgroup would not
        let them leave."""
        if not self.running:
            return set()
        children = {}
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text()
                except OSError:
                    continue
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry.name))
        found, todo = set(), [self.popen.pid]
        while todo:
            pid = todo.pop()
            found.add(pid)
            todo.extend(children.get(pid, []))
        return found

    def signal(self, number):
        if self.popen is None:
            return
        try:
            os.killpg(self.popen.pid, number)
        except ProcessLookupError:
            pass

    def kill(self):
        """SIGKILL to the process and all it started: nothing gets to clean up."""
        for pid in self.pids():
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        self.signal(signal.SIGKILL)
        if self.popen is not None:
            self.popen.wait()

    def stop(self, timeout=15):
        if not self.running:
            self.signal(signal.SIGKILL)  # children a killed leader left behind
            return
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
        self.signal(signal.SIGKILL)


def kit_environment(path: Path = KIT_ENV) -> dict:
    """The kit's settings from ``deploy/env.example``, without what is the host's
    (secrets, names, addresses), which ``Topology`` sets for this machine."""
    values = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        key, sep, value = line.partition("=")
        if line.startswith("#") or not sep or key in HOST_VARIABLES:
            continue
        values[key.strip()] = value.strip()
    return values


def schedule_commands(path: Path = SCHEDULE) -> dict[str, list[str]]:
    """``{command name: manage.py arguments}`` from the crontab lines of ``path``."""
    commands = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" in line.split()[0]:
            continue
        words = shlex.split(line.split(None, 5)[5])
        try:
            start = next(i for i, w in enumerate(words) if w.endswith("manage.py"))
        except StopIteration:
            continue
        arguments = []
        for word in words[start + 1 :]:
            if word in {"&&", ";", "|", ">", ">>", "2>&1"}:
                break
            arguments.append(word)
        key = " ".join(
            [arguments[0], *[w for w in arguments[1:] if not w.startswith("-")]]
        )
        commands.setdefault(key, arguments)
    return commands


class Topology:
    def __init__(self, *, subscribers=200, base: Path = ROOT / "var" / "staging"):
        self.base = base
        self.subscribers = subscribers
        self.logs = base / "logs"
        self.mail_dir = base / "mail"
        self.media = base / "media"
        self.database = f"staging_{secrets.token_hex(4)}"
        self.ports = {
            name: free_port()
            for name in ("https", "http", "web1", "web2", "smtp", "s3")
        }
        self.url = f"https://localhost:{self.ports['https']}"
        self.cert = base / "tls" / "cert.pem"
        self.password = PASSWORD
        self.web: list[Process] = []
        self.workers: list[Process] = []
        self.others: list[Process] = []
        self.smtp = None
        self.seed = {}
        self.started = time.monotonic()
        self.timings = {}
        # Figures the smoke test measured, printed with the proxy's at the end.
        self.results = {}
        self.env = self._environment()

    # -- configuration -------------------------------------------------------

    def _environment(self) -> dict:
        """The kit's variables (``deploy/env.example``), set for this machine."""
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "S3_", "TASKS_"))
        }
        env.update(kit_environment())
        env.update(
            {
                "DJANGO_SETTINGS_MODULE": "portal.settings.production",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "localhost",
                "CSRF_TRUSTED_ORIGINS": self.url,
                "WAGTAILADMIN_BASE_URL": self.url,
                "DATABASE_URL": f"{POSTGRES}/{self.database}",
                "REDIS_URL": f"{REDIS}/{REDIS_DB}",
                "CACHE_KEY_PREFIX": f"staging-{self.database}",
                "TASKS_URL": os.environ.get("STAGING_TASKS_URL", ""),
                "EMAIL_URL": f"smtp://127.0.0.1:{self.ports['smtp']}",
                "DEFAULT_FROM_EMAIL": "Mitmachportal Staging <portal@staging.example>",
                "MEDIA_ROOT": str(self.media),
                "S3_BUCKET": BUCKET,
                "S3_ENDPOINT_URL": f"http://127.0.0.1:{self.ports['s3']}",
                "S3_ACCESS_KEY_ID": "staging",
                "S3_SECRET_ACCESS_KEY": "staging-secret",
                "S3_REGION": "us-east-1",
                "S3_PUBLIC_URL": f"{self.url}/media/",
                # One nginx in front, which appends the client to X-Forwarded-For.
                "TRUSTED_PROXY_COUNT": "1",
                # /healthz: a task waiting or a mail unsent this long is "stalled"
                # (15 minutes and an hour in production; seconds for the test).
                "PORTAL_HEALTH_MAX_TASK_AGE": "4",
                "PORTAL_HEALTH_MAX_MAIL_AGE": "4",
                "LOG_LEVEL": "WARNING",
                "PYTHONUNBUFFERED": "1",
                "AWS_ACCESS_KEY_ID": "staging",
                "AWS_SECRET_ACCESS_KEY": "staging-secret",
            }
        )
        return env

    def log(self, text):
        print(f"[staging {time.monotonic() - self.started:6.1f} s] {text}", flush=True)

    def manage(self, *args, timeout=300, check=True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [PYTHON, "manage.py", *map(str, args)],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        if check and result.returncode:
            raise RuntimeError(
                f"manage.py {' '.join(map(str, args))} failed:\n"
                f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        return result

    # -- start ---------------------------------------------------------------

    def start(self):
        if self.base.exists():
            shutil.rmtree(self.base)
        for folder in (self.logs, self.mail_dir, self.media, self.base / "tls"):
            folder.mkdir(parents=True)
        self.log(f"database {self.database}, proxy {self.url}")
        self._database_create()
        self._redis_flush()
        s3 = self._s3_start()
        self.smtp_start()
        # The schema and the static files at once: one waits on PostgreSQL,
        # the other on the disk.
        static = subprocess.Popen(
            [PYTHON, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
            cwd=ROOT,
            env=self.env,
            stdout=open(self.logs / "collectstatic.log", "wb"),  # noqa: SIM115
            stderr=subprocess.STDOUT,
        )
        self.manage("migrate", "--noinput", timeout=600)
        self.log("migrated")
        wait_for(lambda: port_open(self.ports["s3"]), timeout=30, what="S3 server")
        self._bucket_create(s3)
        seeded = subprocess.run(
            [PYTHON, "deploy/staging/seed.py", str(self.subscribers), self.password],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if seeded.returncode:
            raise RuntimeError(f"seed failed:\n{seeded.stdout}\n{seeded.stderr}")
        self.seed = json.loads(seeded.stdout.strip().splitlines()[-1])
        self.log(f"seeded ({self.subscribers} subscribers)")
        if static.wait(timeout=600):
            raise RuntimeError("collectstatic failed, see var/staging/logs")
        self.log("static files collected")
        self._certificate()
        for number in (1, 2):
            self.web.append(self._gunicorn(number).start())
        self.workers = [self._worker(number).start() for number in (1, 2)]
        self._nginx_start()
        for number in (1, 2):
            wait_for(
                lambda p=self.ports[f"web{number}"]: port_open(p),
                timeout=120,
                what=f"gunicorn {number}",
            )
        wait_for(lambda: self.get("/healthz").status == 200, timeout=60, what="proxy")
        self.timings["up"] = time.monotonic() - self.started
        self.log(f"topology up after {self.timings['up']:.0f} s")
        return self

    def _database_create(self):
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')

    def _database_drop(self):
        import psycopg

        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(
                f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)'
            )

    def _redis_flush(self):
        import redis

        for db in (REDIS_DB, TASKS_REDIS_DB):
            redis.Redis.from_url(f"{REDIS}/{db}").flushdb()

    def _s3_start(self):
        process = Process(
            "s3",
            [BIN / "moto_server", "-H", "127.0.0.1", "-p", self.ports["s3"]],
            env=self.env,
            logs=self.logs,
        ).start()
        self.others.append(process)
        return process

    def _bucket_create(self, _process):
        import boto3

        self.s3 = boto3.client(
            "s3",
            endpoint_url=self.env["S3_ENDPOINT_URL"],
            aws_access_key_id="staging",
            aws_secret_access_key="staging-secret",
            region_name="us-east-1",
        )
        self.s3.create_bucket(Bucket=BUCKET)

    def smtp_start(self):
        self.smtp = Process(
            "smtp",
            [
                PYTHON,
                "deploy/staging/smtp_sink.py",
                "--port",
                self.ports["smtp"],
                "--folder",
                self.mail_dir,
                "--delay",
                SMTP_DELAY,
            ],
            env=self.env,
            logs=self.logs,
        ).start()
        wait_for(lambda: port_open(self.ports["smtp"]), timeout=30, what="SMTP sink")

    def smtp_stop(self):
        self.smtp.stop()
        wait_for(
            lambda: not port_open(self.ports["smtp"]), timeout=10, what="SMTP down"
        )

    def _certificate(self):
        key = self.base / "tls" / "key.pem"
        subprocess.run(
            [
                "openssl",
                "req",
                "-x509",
                "-newkey",
                "rsa:2048",
                "-nodes",
                "-days",
                "2",
                "-subj",
                "/CN=localhost",
                "-addext",
                "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout",
                key,
                "-out",
                self.cert,
            ],
            check=True,
            capture_output=True,
        )

    def _gunicorn(self, number):
        return Process(
            f"web{number}",
            [
                BIN / "gunicorn",
                "portal.wsgi:application",
                f"--bind=127.0.0.1:{self.ports[f'web{number}']}",
                # The kit's image (deploy/Containerfile) with two workers
                # each: four web processes share this machine's two cores.
                "--workers=2",
                "--threads=2",
                "--max-requests=2000",
                "--max-requests-jitter=200",
                "--timeout=30",
                "--access-logfile=-",
            ],
            env=self.env,
            logs=self.logs,
        )

    def _worker(self, number):
        return Process(
            f"worker{number}",
            # The kit's worker command (deploy/systemd/portal-worker@.service).
            [PYTHON, "manage.py", "run_worker"],
            env=self.env,
            logs=self.logs,
        )

    def workers_stop(self):
        for worker in self.workers:
            worker.stop()

    def workers_start(self):
        for number, worker in enumerate(self.workers, 1):
            if not worker.running:
                self.workers[number - 1] = self._worker(number).start()

    # -- the proxy -----------------------------------------------------------

    def nginx_site(self) -> str:
        """The kit's ``deploy/nginx/portal.conf`` with this machine's ports, paths."""
        site = NGINX_TEMPLATE.read_text(encoding="utf-8")
        upstream = "".join(
            f"    server 127.0.0.1:{port} max_fails=1 fail_timeout=10s;\n"
            for port in (self.ports["web1"], self.ports["web2"])
        )
        site, found = re.subn(
            r"(upstream\s+\S+\s*\{)[^}]*?(\n\s*keepalive[^;]*;)?(\s*\})",
            lambda m: m.group(1) + "\n" + upstream + (m.group(2) or "") + m.group(3),
            site,
            count=1,
        )
        assert found, "no upstream block in deploy/nginx/portal.conf"
        site = re.sub(r"listen\s+(\[::\]:)?443\b[^;]*;", "", site)
        site = re.sub(r"listen\s+(\[::\]:)?80\b[^;]*;", "", site)
        site = re.sub(
            r"(server\s*\{)(?=[^{}]*ssl_certificate)",
            rf"\1\n    listen 127.0.0.1:{self.ports['https']} ssl;",
            site,
        )
        site = re.sub(
            r"(server\s*\{)(?![^{}]*ssl_certificate)",
            rf"\1\n    listen 127.0.0.1:{self.ports['http']};",
            site,
        )
        site = re.sub(r"server_name\s+[^;]+;", "server_name localhost;", site)
        site = re.sub(
            r"ssl_certificate\s+[^;]+;", f"ssl_certificate {self.cert};", site
        )
        site = re.sub(
            r"ssl_certificate_key\s+[^;]+;",
            f"ssl_certificate_key {self.base / 'tls' / 'key.pem'};",
            site,
        )
        site = re.sub(r"ssl_(stapling|trusted_certificate)[^;]*;", "", site)
        if self.env.get("S3_BUCKET"):
            # Renditions from the store, nothing else under /media/ (the
            # commented S3 variant of the kit's configuration).
            store = self.env["S3_ENDPOINT_URL"]
            nosniff = "X-Content-Type-Options nosniff always"
            site, found = re.subn(
                r"\n(\s*)location /media/ \{[^}]*\}",
                lambda m: (
                    f"\n{m.group(1)}location /media/images/ {{\n"
                    f"{m.group(1)}    proxy_pass {store}/{BUCKET}/images/;\n"
                    f"{m.group(1)}    expires 30d;\n"
                    f"{m.group(1)}    add_header {nosniff};\n"
                    f"{m.group(1)}}}\n"
                    f"{m.group(1)}location /media/ {{ return 404; }}"
                ),
                site,
                count=1,
            )
            assert found, "no location /media/ in deploy/nginx/portal.conf"
        site = site.replace("/srv/portal/var/static/", f"{ROOT}/var/static/")
        site = site.replace("/srv/portal/var/media/", f"{self.media}/")
        site = site.replace("/srv/portal", str(ROOT))
        return site

    def _nginx_start(self):
        folder = self.base / "nginx"
        folder.mkdir()
        for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (folder / temp).mkdir(mode=0o777)
            os.chmod(folder / temp, 0o777)
        (folder / "portal.conf").write_text(self.nginx_site(), encoding="utf-8")
        # As root nginx's workers would run as "nobody", who may not read the
        # checkout; staging runs them as the user who started it.
        user = "user root;\n" if os.geteuid() == 0 else ""
        main = f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {self.logs}/nginx-error.log warn;
events {{ worker_connections 512; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    log_format staging '$status $request_method $request_uri $upstream_addr';
    access_log {self.logs}/nginx-access.log staging;
    client_body_temp_path {folder}/body;
    proxy_temp_path {folder}/proxy;
    fastcgi_temp_path {folder}/fastcgi;
    uwsgi_temp_path {folder}/uwsgi;
    scgi_temp_path {folder}/scgi;
    include {folder}/portal.conf;
}}
"""
        (folder / "nginx.conf").write_text(main, encoding="utf-8")
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run(
            [
                nginx,
                "-t",
                "-q",
                "-p",
                folder,
                "-e",
                self.logs / "nginx-error.log",
                "-c",
                folder / "nginx.conf",
            ],
            check=True,
            capture_output=True,
        )
        self.nginx = Process(
            "nginx",
            [
                nginx,
                "-p",
                folder,
                "-e",
                self.logs / "nginx-error.log",
                "-c",
                folder / "nginx.conf",
                "-g",
                "daemon off;",
            ],
            env=self.env,
            logs=self.logs,
        ).start()
        self.others.append(self.nginx)
        wait_for(lambda: port_open(self.ports["https"]), timeout=20, what="nginx")

    def get(self, path):
        """A plain GET through the proxy (for readiness); the test uses requests."""
        context = ssl.create_default_context(cafile=str(self.cert))
        try:
            return urllib.request.urlopen(self.url + path, context=context, timeout=10)
        except urllib.error.HTTPError as error:
            return error

    # -- what the test reads -------------------------------------------------

    def mails(self) -> list[dict]:
        found = []
        for path in sorted(self.mail_dir.glob("*.json")):
            found.append(json.loads(path.read_text(encoding="utf-8")))
        return found

    def worker_connected_to_smtp(self) -> int | None:
        """The index of the worker holding a connection to the SMTP sink now."""
        inodes = set()
        target = f"{self.ports['smtp']:04X}"
        for table in ("/proc/net/tcp", "/proc/net/tcp6"):
            for line in Path(table).read_text().splitlines()[1:]:
                fields = line.split()
                remote, state = fields[2], fields[3]
                if remote.endswith(":" + target) and state == "01":
                    inodes.add(fields[9])
        for index, worker in enumerate(self.workers):
            for pid in worker.pids():
                try:
                    links = [os.readlink(f) for f in Path(f"/proc/{pid}/fd").iterdir()]
                except OSError:
                    continue
                if any(link[8:-1] in inodes for link in links if "socket:" in link):
                    return index
        return None

    def store_keys(self, prefix: str) -> list[str]:
        """Object keys in the bucket (or files in MEDIA_ROOT without S3 storage)."""
        if self.env.get("S3_BUCKET"):
            answer = self.s3.list_objects_v2(Bucket=BUCKET, Prefix=prefix)
            return [item["Key"] for item in answer.get("Contents", [])]
        folder = self.media / prefix
        return [
            str(p.relative_to(self.media)) for p in folder.rglob("*") if p.is_file()
        ]

    def scheduled(self, name: str, **overrides) -> list[str]:
        """The arguments of a command from ``deploy/schedule.txt``, options replaced."""
        commands = schedule_commands()
        matches = [args for key, args in commands.items() if key.startswith(name)]
        if not matches:
            raise KeyError(f"{name} is not in {SCHEDULE}")
        arguments = list(matches[0])
        for option, value in overrides.items():
            flag = "--" + option.replace("_", "-")
            if flag in arguments:
                arguments[arguments.index(flag) + 1] = str(value)
            else:
                arguments += [flag, str(value)]
        return arguments

    def run_scheduled(self, name: str, **overrides) -> str:
        arguments = self.scheduled(name, **overrides)
        return self.manage(*arguments).stdout

    def run_schedule(self, *, skip=()) -> list[str]:
        """Every command of ``deploy/schedule.txt`` once, as if all were due."""
        done = []
        for key, arguments in schedule_commands().items():
            if not key.startswith(tuple(skip)):
                self.manage(*arguments)
                done.append(key)
        return done

    def proxy_requests(self) -> list[str]:
        path = self.logs / "nginx-access.log"
        return path.read_text().splitlines() if path.exists() else []

    def figures(self) -> dict:
        lines = self.proxy_requests()
        statuses = [line.split()[0] for line in lines if line.strip()]
        figures = {
            "requests through the proxy": len(statuses),
            "answers 2xx/3xx/4xx/5xx": "/".join(
                str(sum(s.startswith(d) for s in statuses)) for d in "2345"
            ),
            "5xx other than /healthz's 503": sum(
                line.split()[0].startswith("5") and " /healthz " not in line
                for line in lines
            ),
            "topology up after (s)": round(self.timings.get("up", 0)),
        }
        figures.update(self.results)
        return figures

    # -- stop ----------------------------------------------------------------

    def stop(self):
        for process in [*self.web, *self.workers, self.smtp, *self.others]:
            if process is not None:
                try:
                    process.stop(timeout=10)
                except Exception as error:  # noqa: BLE001 - tear everything down
                    self.log(f"stopping {process.name}: {error}")
        try:
            self._database_drop()
        except Exception as error:  # noqa: BLE001
            self.log(f"dropping {self.database}: {error}")
        try:
            self._redis_flush()
        except Exception as error:  # noqa: BLE001
            self.log(f"flushing Redis: {error}")
        self.log("topology stopped, database dropped")


def main():
    # Started in the background, a shell ignores SIGINT for it: SIGTERM stops it too.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    topology = Topology()
    try:
        topology.start()
        print(
            json.dumps(
                {"url": topology.url, "password": topology.password, **topology.seed},
                indent=2,
            )
        )
        print("Up; Ctrl-C stops everything.", flush=True)
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        topology.stop()


if __name__ == "__main__":
    main()
