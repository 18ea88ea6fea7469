"""The production kit in deploy/: what can be checked without a container
engine (none runs here): the compose file parsed, the image recipe read, the
systemd units generated from the one schedule, nginx's own config test."""

import importlib.util
import re
import shutil
import subprocess

import pytest
import yaml
from django.conf import settings
from django.core.management import get_commands

DEPLOY = settings.BASE_DIR / "deploy"
SECRET_NAMES = re.compile(r"SECRET|PASSWORD|ACCESS_KEY|_KEY$")


def generator():
    spec = importlib.util.spec_from_file_location(
        "generate", DEPLOY / "systemd" / "generate.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def schedule():
    return generator().schedule_lines((DEPLOY / "schedule.txt").read_text())


def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_every_scheduled_line_runs_an_existing_management_command():
    commands = get_commands()
    for _fields, command in schedule():
        program, name, *_arguments = command.split()
        assert program == "manage.py"
        assert name in commands, name


def test_the_schedule_holds_the_commands_the_kit_promises():
    names = {command.split()[1] for _fields, command in schedule()}

    assert {
        "send_registration_reminders",
        "expire_registrations",
        "apply_retention",
        "resume_notifications",
        "send_queued_mails",
        "resume_status_mails",
        "flush_usage_counts",
        "send_digests",
        "prune_db_task_results",
    } <= names


def test_the_committed_systemd_timers_match_the_schedule():
    wanted = generator().units((DEPLOY / "schedule.txt").read_text())
    committed = {
        path.name: path.read_text()
        for path in (DEPLOY / "systemd").glob("portal-cron-*")
    }

    assert committed == wanted, "run python deploy/systemd/generate.py"
    assert len(wanted) == 2 * len(schedule())


def test_crontab_fields_become_systemd_calendars():
    on_calendar = generator().on_calendar

    assert on_calendar("*/5 * * * *".split()) == "*-*-* *:00/05:00 Europe/Berlin"
    assert on_calendar("0 7 * * 1".split()) == "Mon *-*-* 07:00:00 Europe/Berlin"
    assert on_calendar("30 3 * * *".split()) == "*-*-* 03:30:00 Europe/Berlin"


@pytest.mark.skipif(
    shutil.which("systemd-analyze") is None, reason="systemd-analyze missing"
)
def test_systemd_accepts_every_timer_calendar():
    for fields, _command in schedule():
        calendar = generator().on_calendar(fields)
        checked = subprocess.run(
            ["systemd-analyze", "calendar", calendar], capture_output=True, text=True
        )
        assert checked.returncode == 0, (calendar, checked.stderr)


def test_the_web_and_worker_units_start_gunicorn_and_run_worker():
    web = (DEPLOY / "systemd" / "portal-web.service").read_text()
    worker = (DEPLOY / "systemd" / "portal-worker@.service").read_text()

    assert "gunicorn portal.wsgi" in web
    assert "manage.py run_worker" in worker
    assert "EnvironmentFile=/etc/portal/portal.env" in web + worker
    assert "User=portal" in web and "User=portal" in worker


def test_compose_has_the_whole_topology_with_health_checks():
    services = compose()["services"]

    assert {"proxy", "web", "worker", "scheduler", "postgres", "redis"} <= set(services)
    for name in ("web", "worker", "scheduler", "postgres", "redis", "proxy"):
        assert services[name].get("healthcheck", {}).get("test"), name
    assert services["worker"]["command"][-1] == "run_worker"
    assert "deploy/schedule.txt" in services["scheduler"]["command"]
    assert "supercronic" in services["scheduler"]["command"]


def test_balancer_and_container_checks_ask_livez_not_healthz():
    caddy = (DEPLOY / "caddy" / "Caddyfile").read_text()
    web_check = " ".join(compose()["services"]["web"]["healthcheck"]["test"])

    assert re.findall(r"^\s*health_uri (\S+)$", caddy, flags=re.M) == ["/livez"]
    assert "/livez" in web_check
    assert "/healthz" not in web_check


def redis_policy(service) -> str:
    command = service["command"]
    return command[command.index("--maxmemory-policy") + 1]


def test_the_cache_redis_evicts_and_the_queue_redis_is_separate_and_never_evicts():
    services = compose()["services"]
    example = (DEPLOY / "env.example").read_text()

    assert redis_policy(services["redis"]) == "allkeys-lru"
    assert redis_policy(services["redis-queue"]) == "noeviction"
    assert services["web"]["environment"]["REDIS_URL"].startswith("redis://redis:")
    assert "redis-queue" in services["migrate"]["depends_on"]  # before web, worker
    assert services["redis-queue"]["healthcheck"]["test"]
    assert "redis://redis-queue:6379/0" in example
    assert "redis://redis:6379/1" not in example


def test_compose_web_is_scalable_without_a_fixed_host_port():
    services = compose()["services"]

    assert "ports" not in services["web"]
    assert "container_name" not in services["web"]
    assert services["proxy"]["ports"] == ["80:80", "443:443"]


def test_compose_keeps_every_secret_in_the_env_file():
    for name, service in compose()["services"].items():
        environment = service.get("environment", {})
        for key, value in environment.items():
            value = str(value)
            if SECRET_NAMES.search(key):
                assert value.startswith("${"), (name, key)
            for secret in re.findall(r"://[^:/@]+:([^@]+)@", value):
                assert secret.startswith("${"), (name, key)
    portal = compose()["services"]["web"]
    assert portal["env_file"] == ".env"
    gitignore = (settings.BASE_DIR / ".gitignore").read_text()
    assert "deploy/.env" in gitignore


def test_the_image_is_multi_stage_non_root_with_a_health_check():
    recipe = (DEPLOY / "Containerfile").read_text()

    assert len(re.findall(r"^FROM ", recipe, flags=re.M)) == 2
    assert "--require-hashes -r requirements.txt" in recipe
    assert "collectstatic" in recipe
    assert re.search(r"^USER portal$", recipe, flags=re.M)
    assert re.search(r"^HEALTHCHECK .*", recipe, flags=re.M)
    assert re.search(r"^  CMD curl .*/livez ", recipe, flags=re.M)
    assert "gunicorn portal.wsgi" in recipe
    assert not re.search(r"^ENV .*SECRET_KEY", recipe, flags=re.M)


def test_the_proxies_never_serve_documents_from_media():
    nginx = (DEPLOY / "nginx" / "portal.conf").read_text()
    caddy = (DEPLOY / "caddy" / "Caddyfile").read_text()

    assert re.search(r"location \^~ /media/documents/ \{\s*return 404;", nginx)
    assert re.search(r"handle /media/documents/\* \{\s*respond 404", caddy)
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in nginx
    assert "X-Forwarded-Proto $scheme" in nginx
    assert "immutable" in nginx
    assert "proxy_cache off" in nginx


@pytest.fixture
def nginx_config(tmp_path):
    """deploy/nginx/portal.conf in a minimal nginx.conf, with a self-signed
    certificate where certbot's would be."""
    made = subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
            "-days", "1", "-subj", "/CN=mitmachen.example.org",
            "-keyout", str(tmp_path / "privkey.pem"),
            "-out", str(tmp_path / "fullchain.pem"),
        ],
        capture_output=True,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    site = (DEPLOY / "nginx" / "portal.conf").read_text()
    site = site.replace("/etc/letsencrypt/live/mitmachen.example.org", str(tmp_path))
    (tmp_path / "portal.conf").write_text(site)
    (tmp_path / "logs").mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(
        f"pid {tmp_path}/nginx.pid;\n"
        f"error_log {tmp_path}/logs/error.log;\n"
        "events {}\n"
        "http {\n"
        f"  access_log {tmp_path}/logs/access.log;\n"
        f"  client_body_temp_path {tmp_path};\n"
        f"  include {tmp_path}/portal.conf;\n"
        "}\n"
    )
    return config


@pytest.mark.skipif(
    shutil.which("nginx") is None, reason="nginx missing: make proxy-tools"
)
def test_nginx_accepts_the_proxy_configuration(nginx_config, tmp_path):
    checked = subprocess.run(
        ["nginx", "-t", "-c", str(nginx_config), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
    )

    assert checked.returncode == 0, checked.stderr
    assert "test is successful" in checked.stderr


@pytest.mark.skipif(shutil.which("caddy") is None, reason="caddy missing")
def test_caddy_accepts_its_configuration(monkeypatch):
    monkeypatch.setenv("PORTAL_HOST", "mitmachen.example.org")
    monkeypatch.setenv("PORTAL_UPSTREAM", "127.0.0.1:8000")
    checked = subprocess.run(
        ["caddy", "validate", "--adapter", "caddyfile", "--config",
         str(DEPLOY / "caddy" / "Caddyfile")],
        capture_output=True, text=True,
    )  # fmt: skip

    assert checked.returncode == 0, checked.stderr


# The client Debian's "postgresql-client" meta package installs, per release.
DEBIAN_POSTGRESQL_CLIENT = {"bullseye": 13, "bookworm": 15, "trixie": 17}


def image_instructions():
    """The runtime stage's instructions, continuation lines joined."""
    recipe = (DEPLOY / "Containerfile").read_text().replace("\\\n", " ")
    runtime = recipe.split("\nFROM ")[-1]
    return ["FROM " + runtime.splitlines()[0]] + runtime.splitlines()[1:]


def test_the_image_s_pg_dump_can_dump_the_compose_postgres_server():
    """pg_dump refuses a server of a newer major version than its own."""
    instructions = image_instructions()
    release = re.search(r"-(bullseye|bookworm|trixie)\b", instructions[0]).group(1)
    install = next(line for line in instructions if "postgresql-client" in line)
    pinned = re.search(r"postgresql-client-(\d+)", install)
    client = int(pinned.group(1)) if pinned else DEBIAN_POSTGRESQL_CLIENT[release]
    image = compose()["services"]["postgres"]["image"]

    server = int(re.search(r"postgres:(\d+)", image).group(1))

    assert client == DEBIAN_POSTGRESQL_CLIENT[release]
    assert server == client


def test_the_backups_volume_is_a_folder_the_runtime_user_owns():
    instructions = image_instructions()
    user = next(
        line.split()[1] for line in reversed(instructions) if line.startswith("USER ")
    )
    mounts = {
        volume.split(":")[1]
        for service in compose()["services"].values()
        for volume in service.get("volumes", [])
        if volume.startswith("backups:")
    }
    runs = [line for line in instructions if line.startswith("RUN ")]

    assert mounts == {"/var/backups/portal"}
    for mount in mounts:
        assert any(
            re.search(rf"mkdir -p [^&]*{mount}\b", run)
            and re.search(rf"chown -R {user}:{user} [^&]*{mount}\b", run)
            for run in runs
        ), mount
