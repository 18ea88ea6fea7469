# Two promises: `make run` serves the demo portal, `make test` runs every test.
PYTHON_BIN ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install browser run serve migrate demo test test-postgres lint format check messages screenshots bench backup restore clean

$(PY):
	$(PYTHON_BIN) -m venv $(VENV)

$(STAMP): $(PY) requirements.txt requirements-dev.txt
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

install: $(STAMP)
	@$(PY) -c "import pathlib, polib; [polib.pofile(str(p)).save_as_mofile(str(p.with_suffix('.mo'))) for p in pathlib.Path('locale').rglob('*.po')]"

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py load_demo

run: demo
	@echo "Serving on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	$(PY) manage.py runserver $(HOST):$(PORT)

# Debian's Chromium drives tests/browser/ (Playwright cannot download a browser
# here); CI runs as root and installs it when it is missing.
browser:
	@command -v chromium >/dev/null || (apt-get update && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y chromium)

test: install browser
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

# PostgreSQL (DATABASE_URL) and media into var/backups/<timestamp>/; restore with
# `make restore BACKUP=var/backups/<timestamp>` (replaces database and media).
backup: install
	$(PY) manage.py backup

restore: install
	@test -n "$(BACKUP)" || (echo "usage: make restore BACKUP=var/backups/<timestamp>" && exit 2)
	$(PY) manage.py restore --yes $(BACKUP)

clean:
	rm -rf $(VENV) var db.sqlite3
