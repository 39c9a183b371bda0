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

.PHONY: install run test lint check schema

install: $(STAMP)

$(STAMP): requirements.txt requirements-test.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Yulan needs Python 3.11 or newer; try: make PYTHON=python3.12 ...")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --disable-pip-version-check -r requirements-test.txt
	touch $@

# load_demo prints the URLs and the demo login. Beside the server, every minute: scheduled
# publishing and event reminders (mail goes to this console); the loop stops with the server.
run: install
	$(MANAGE) migrate --noinput
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(MANAGE) load_demo
	@( while sleep 60; do $(MANAGE) publish_scheduled > /dev/null; $(MANAGE) send_reminders; done ) & \
	scheduler=$$!; \
	trap 'kill $$scheduler 2> /dev/null' EXIT INT TERM; \
	$(MANAGE) runserver $(ADDRESS)

# pytest exits 5 when it collected nothing: a failure like any other non-zero code, said out loud.
test: install
	@$(BIN)/pytest $(PYTEST_ARGS); code=$$?; \
	if [ $$code -eq 5 ]; then echo "pytest collected no tests" >&2; fi; \
	exit $$code

lint: install
	$(BIN)/ruff check .

check: install
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

# schema.graphql is the frontend's contract: regenerate and commit it with every schema change.
schema: install
	$(MANAGE) graphql_schema --schema cms.schema.schema --out schema.graphql
