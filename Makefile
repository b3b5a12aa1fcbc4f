# The two entry points: `make run` (demo site on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install lint chromium postgres serve bench

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev,search-cluster]"
	touch $@

install: $(VENV)/.installed

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

lint: install
	$(PY) -m ruff check .

# Browser tests drive Debian's Chromium; install it when it is missing (needs root or sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The local PostgreSQL for the suite on PostgreSQL and the benchmarks: installed from Debian's
# packages when missing, started, reachable as postgres://postgres:postgres@127.0.0.1:5432/.
postgres:
	./scripts/start-postgres

# Search latency at 10,000 and 100,000 pages on the local PostgreSQL (README, Benchmarks).
bench: install postgres
	$(PY) benchmarks/search_benchmark.py $(BENCH_ARGS)
