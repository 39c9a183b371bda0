# Yulan on a fresh machine needs Python 3.11+ and make: `make run` serves the demo site,
# `make test` runs the suite. Everything installs into .venv inside the repository.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reinstalled whenever a requirements file is newer than this stamp.
STAMP := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
MANAGE := DJANGO_SETTINGS_MODULE=cms.settings.dev $(BIN)/python manage.py
PYTEST_ARGS ?=
# make test FRONTEND=0: the Python suite only (CI's PostgreSQL pass); the frontend does not touch the database.
FRONTEND ?= 1
NPM ?= npm
CHROMIUM_PATH ?= /usr/bin/chromium
export CHROMIUM_PATH
FRONTEND_STAMP := frontend/node_modules/.installed
FRONTEND_SOURCES := $(shell find frontend/src frontend/public frontend/build -type f 2>/dev/null) \
	frontend/index.html frontend/vite.config.ts frontend/tsconfig.json frontend/scripts/first-load.mjs

.PHONY: install run demo-code test lint check schema bench frontend frontend-install frontend-test chromium

install: $(STAMP)

$(STAMP): requirements.txt requirements-test.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Yulan needs Python 3.11 or newer; try: make PYTHON=python3.12 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements-test.txt
	touch $@

# load_demo prints the URLs and the demo login. Beside the server, every minute: scheduled
# publishing and event reminders (mail goes to this console); the loop stops with the server.
run: install frontend
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	@( while sleep 60; do $(MANAGE) publish_scheduled > /dev/null; $(MANAGE) send_reminders; done ) & \
	scheduler=$$!; \
	trap 'kill $$scheduler 2> /dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(ADDRESS)

# The admin and organizers must pass two-step verification: the current code of a demo account
# (LOGIN=admin by default; any demo organizer's email), so that trying the admin needs no phone app.
LOGIN ?= admin
demo-code: install
	@$(MANAGE) demo_code $(LOGIN)

# pytest exits 5 when it collected nothing: a failure like any other non-zero code, said out loud.
# Then, unless FRONTEND=0, the frontend's checks (see frontend-test).
test: install
	@$(BIN)/pytest $(PYTEST_ARGS); code=$$?; \
	if [ $$code -eq 5 ]; then echo "pytest collected no tests" >&2; fi; \
	exit $$code
	@if [ "$(FRONTEND)" != "0" ]; then $(MAKE) --no-print-directory frontend-test; fi

# The frontend (docs/frontend.md): npm ci when the lock file changed, vite build when a source did.
# Django serves the build (frontend/dist) at /.
frontend: frontend/dist/index.html

frontend-install: $(FRONTEND_STAMP)

$(FRONTEND_STAMP): frontend/package.json frontend/package-lock.json
	cd frontend && $(NPM) ci --no-audit --no-fund
	touch $@

frontend/dist/index.html: $(FRONTEND_STAMP) $(FRONTEND_SOURCES)
	cd frontend && $(NPM) run build

# Generated GraphQL types match ../schema.graphql, vue-tsc, vitest, then Playwright in Chromium
# against a real Django server with the demo data (a throwaway SQLite database, a free port).
frontend-test: frontend-install chromium
	cd frontend && $(NPM) run --silent codegen:check
	cd frontend && $(NPM) run --silent typecheck
	cd frontend && $(NPM) run --silent test:unit
	$(MAKE) --no-print-directory frontend
	cd frontend && $(NPM) run --silent test:e2e

# Benchmarks print numbers; none of them is a pass/fail timing (bench/README.md). On PostgreSQL and
# Redis: the issue's scale data (database yulan_bench, built once, then reused), GraphQL reads under
# gunicorn beside Wagtail's REST API and a ceiling view, the registration burst, SQL queries per
# request and plans, and the frontend's first load against its 150 KB budget. Writes
# bench/RESULTS.md. BENCH_SCALE=0.01 shrinks the data; manage.py bench --force-data rebuilds it.
bench: install frontend
	DJANGO_SETTINGS_MODULE=bench.settings $(BIN)/python manage.py bench

# Playwright cannot download its browsers here: Debian's Chromium, and a Chinese font for the
# screenshots, installed when missing (as root).
chromium:
	@test -x "$(CHROMIUM_PATH)" || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Chromium is missing at $(CHROMIUM_PATH): apt-get install chromium (as root), or set CHROMIUM_PATH" >&2; exit 1; fi; }
	@fc-list :lang=zh 2> /dev/null | grep -q . || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get > /dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk; \
	  else echo "No Chinese font: screenshots will show boxes (apt-get install fonts-noto-cjk)" >&2; fi; }

lint: install
	$(BIN)/ruff check .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# schema.graphql is the frontend's contract: regenerate and commit it with every schema change.
schema: install
	$(MANAGE) graphql_schema --schema cms.schema.schema --out schema.graphql
