# Two promises: `make run` serves the demo portal, `make test` runs every test.
PYTHON_BIN ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install browser proxy-tools run serve migrate demo test test-postgres lint format check messages screenshots bench staging backup restore clean lock audit

$(PY):
	$(PYTHON_BIN) -m venv $(VENV)

# Every package comes from the lock, checked against its hashes. pip itself is
# taken from the lock first: the venv's bundled pip resolves a hashed lock
# three times slower. The setuptools a Python 3.11 venv is seeded with (65.5,
# with known vulnerabilities) is not in the lock and nothing needs it.
$(STAMP): $(PY) requirements.txt requirements-dev.txt
	awk '/^[a-z0-9]/{p=/^pip==/} p' requirements-dev.txt > $(VENV)/pip-lock.txt
	$(PY) -m pip install --quiet --require-hashes --no-deps -r $(VENV)/pip-lock.txt
	$(PY) -m pip install --quiet --require-hashes -r requirements-dev.txt
	$(PY) -m pip uninstall --quiet --yes setuptools
	touch $(STAMP)

install: $(STAMP)
	@$(PY) -c "import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix('.mo'))) for p in pathlib.Path('locale').rglob('*.po')]"

migrate: install
	$(PY) manage.py migrate --noinput

# The demo Site and the mails' base address follow HOST and PORT, so share
# links, .ics addresses, handouts and mail links point where runserver listens.
demo: migrate
	$(PY) manage.py load_demo --host $(HOST) --port $(PORT)

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	WAGTAILADMIN_BASE_URL=http://$(HOST):$(PORT) $(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium drives tests/browser/ (Playwright cannot download a browser
# here); CI runs as root and installs it when it is missing.
browser:
	@command -v chromium >/dev/null || (apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

# Debian's nginx (the proxy configuration's `nginx -t` test, `make staging`)
# and age (encrypted backups); CI runs as root and installs them when missing.
proxy-tools:
	@command -v nginx >/dev/null && command -v age >/dev/null || (apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light age)

test: install browser proxy-tools
	$(PY) manage.py collectstatic --noinput --verbosity 0 --settings=portal.settings.test
	$(PY) -m pytest -n 2 -q
	$(PY) -m pytest -n 2 -q -m browser tests/browser

# README screenshots (home, calendar, briefing) from a throwaway demo database.
screenshots: install browser
	$(PY) tools/screenshots.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check templates */templates
	$(VENV)/bin/lint-imports
	$(PY) tools/imports.py --check

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml templates */templates

check: install
	$(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=$$($(PY) -c "import secrets; print(secrets.token_urlsafe(50))") \
	ALLOWED_HOSTS=portal.example.org DATABASE_URL=sqlite:///var/check.sqlite3 \
	$(PY) manage.py check --deploy --fail-level WARNING --settings=portal.settings.production

# Party-scale measurements on PostgreSQL + Redis behind gunicorn (< 15 minutes);
# prints every figure beside its goal and updates benchmarks/README.md.
bench: install
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# Re-extract interface strings into every catalogue (no source locations, so
# parallel branches merge cleanly); translate the new entries, then `make install`.
messages: install
	$(PY) manage.py makemessages $(foreach l,$(notdir $(wildcard locale/*)),-l $(l)) \
		--no-location --no-obsolete -i ".venv/*" -i "var/*" -i "tests/*"

# The production topology on this machine (nginx with TLS, two gunicorn, two
# workers, PostgreSQL, Redis, an S3 server, an SMTP sink; deploy/staging/) and
# its smoke test through the proxy (tests/staging/); figures at the end.
staging: install proxy-tools
	$(PY) -m pytest -q -m staging tests/staging

# PostgreSQL (DATABASE_URL) and media into var/backups/<timestamp>.tar.age,
# encrypted for BACKUP_AGE_RECIPIENT (a plain folder only outside production
# settings); BACKUP_KEEP newest kept, copied below BACKUP_S3_PREFIX in the store.
# Restore with `make restore BACKUP=var/backups/<timestamp>.tar.age
# IDENTITY=<age key file>` (replaces database and media).
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=var/backups/<name> [IDENTITY=key.txt]" && exit 2)
	$(PY) manage.py restore --yes $(if $(IDENTITY),--identity $(IDENTITY)) $(BACKUP)

# Recompile the locks from requirements.in / requirements-dev.in (pip-tools in a
# throwaway venv); commit all four files together.
lock:
	rm -rf var/locktools && $(PYTHON_BIN) -m venv var/locktools
	var/locktools/bin/pip install --quiet pip-tools==7.7.0
	var/locktools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements.txt requirements.in
	var/locktools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
		--no-emit-index-url --no-emit-find-links -o requirements-dev.txt requirements-dev.in

# Known vulnerabilities in the locked packages (PyPI's advisory data); fails on
# any finding. AUDIT_STRICT=1 also fails when a package could not be looked up.
audit: install
	$(PY) tools/audit.py $(if $(AUDIT_STRICT),--strict)

clean:
	rm -rf $(VENV) var db.sqlite3
