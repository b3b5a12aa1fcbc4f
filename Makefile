# The two entry points: `make run` (demo site on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lock lint format chromium postgres serve bench

# Every dependency, direct and transitive, pinned with hashes for Python 3.11 on Linux. `make install`
# installs exactly these; `make lock` writes the file from pyproject.toml.
LOCK := requirements.lock

# The project itself (no packages of its own) goes in with --no-deps: its dependencies are the lock's.
$(VENV)/.installed: $(LOCK) pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --no-deps .
	touch $@

install: $(VENV)/.installed

# Run after changing the dependencies in pyproject.toml. Pins that still fit are kept;
# `make lock LOCK_ARGS=--upgrade` moves every package to its newest allowed version.
lock: install
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --extra search-cluster \
		--python-version 3.11 --python-platform linux --generate-hashes \
		--custom-compile-command "make lock" --quiet --output-file $(LOCK) $(LOCK_ARGS)

run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference_data
	$(PY) manage.py seed_demo
	$(PY) manage.py setup_roles --demo-accounts
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py runserver $(HOST):$(PORT)

# On PostgreSQL (DATABASE_URL=postgres://…) the local server is installed and started first.
test: install chromium lint $(if $(findstring postgres,$(DATABASE_URL)),postgres)
	$(PY) -m pytest $(PYTEST_ARGS)

# Style (ruff), formatting of Python (ruff format) and of templates (djhtml), and the apps' layers
# (import-linter, [tool.importlinter] in pyproject.toml). `make format` fixes the formatting.
TEMPLATES_HTML = $(shell find core themes regions knowledge search site -path '*/templates/*.html')

lint: install
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djhtml --check $(TEMPLATES_HTML)
	$(VENV)/bin/lint-imports

format: install
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml $(TEMPLATES_HTML)

# Browser tests drive Debian's Chromium; install it when it is missing (needs root or sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The local PostgreSQL for the suite on PostgreSQL and the benchmarks: installed from Debian's
# packages when missing, started, reachable as postgres://postgres:postgres@127.0.0.1:5432/.
postgres:
	./scripts/start-postgres

# Search latency at 10,000 and 100,000 pages on the local PostgreSQL (docs/benchmarks.md).
bench: install postgres
	$(PY) benchmarks/search_benchmark.py $(BENCH_ARGS)
