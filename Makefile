# The two entry points: `make run` (demo site on SQLite) and `make test` (the whole suite).
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run run-cluster test install lock lint format assets chromium postgres postgres-packages redis nginx serve bench load lighthouse maven opensearch opensearch-stop

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

# Links in feeds, the sitemap and the APIs point where the demo is served (set_site_url).
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_reference_data
	$(PY) manage.py seed_demo
	$(PY) manage.py set_site_url
	$(PY) manage.py setup_roles --demo-accounts
	$(if $(OPENSEARCH_URL)$(ELASTICSEARCH_URL),$(PY) manage.py update_index --verbosity 0)
	$(PY) manage.py collectstatic --noinput --verbosity 0
	$(PY) manage.py runserver $(HOST):$(PORT)

# The same demo on PostgreSQL (database vsopro_demo) with search on the local OpenSearch node.
CLUSTER_DATABASE_URL ?= postgres://postgres:postgres@127.0.0.1:5432/vsopro_demo
run-cluster: postgres opensearch
	PGPASSWORD=postgres createdb -h 127.0.0.1 -U postgres vsopro_demo 2>/dev/null || true
	DATABASE_URL=$(CLUSTER_DATABASE_URL) OPENSEARCH_URL=http://127.0.0.1:$(OPENSEARCH_PORT) $(MAKE) run

# On PostgreSQL (DATABASE_URL=postgres://…) the local server is installed and started first.
test: install chromium postgres-packages redis nginx lint $(if $(findstring postgres,$(DATABASE_URL)),postgres)
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

# The house style's NL Design System component CSS (assets/package.json, pinned by its lock) is
# committed built in core/static/css/vendor/; this rebuilds it after a change of components or versions.
assets:
	cd assets && npm ci --ignore-scripts --no-audit --no-fund && npm run --silent build

# Browser tests drive Debian's Chromium; install it when it is missing (needs root or sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium >/dev/null; }

# The local PostgreSQL for the suite on PostgreSQL and the benchmarks: installed from Debian's
# packages when missing, started, reachable as postgres://postgres:postgres@127.0.0.1:5432/.
postgres:
	./scripts/start-postgres

# The fault tests (tests/operations/) start a PostgreSQL cluster and a Redis server of their own,
# on any run of the suite: their programs come from Debian's packages when missing (root or sudo).
postgres-packages:
	./scripts/install-postgres

# tests/deployment/test_nginx.py runs deploy/nginx.conf with Debian's nginx and a self-signed
# certificate from openssl.
nginx:
	@{ command -v nginx || [ -x /usr/sbin/nginx ]; } >/dev/null 2>&1 && command -v openssl >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq nginx-light openssl >/dev/null; }

redis:
	@command -v redis-server >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq redis-server >/dev/null; }

# Search latency at 10,000 and 100,000 pages on the local PostgreSQL (docs/benchmarks.md).
bench: install postgres
	$(PY) benchmarks/search_benchmark.py $(BENCH_ARGS)

# Requests/s and latency under gunicorn with the production settings, with and without the page
# cache, at 10 and 40 clients on loopback (database vsopro_load on the local PostgreSQL; a few
# minutes; docs/benchmarks.md). LOAD_ARGS="--redis" keeps the page cache in a local redis-server.
load: install postgres $(if $(findstring --redis,$(LOAD_ARGS)),redis)
	$(PY) benchmarks/load.py $(LOAD_ARGS)

# Lighthouse (tools/lighthouse, pinned by its package-lock.json) in Debian's Chromium, in mobile
# emulation, on the demo site under gunicorn with the production settings: home, a region page, an
# article and search. Fails unless accessibility is 100, best practices and SEO ≥ 95, performance ≥ 90.
LIGHTHOUSE := tools/lighthouse/node_modules/lighthouse/cli/index.js
$(LIGHTHOUSE): tools/lighthouse/package.json tools/lighthouse/package-lock.json
	cd tools/lighthouse && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: install chromium $(LIGHTHOUSE)
	$(PY) scripts/lighthouse.py $(LIGHTHOUSE_ARGS)

# The local single-node OpenSearch (opensearch/, built with Maven from Maven Central's jars), for
# development and CI: http://127.0.0.1:$(OPENSEARCH_PORT), data and log under var/opensearch/.
# Idempotent; `make opensearch-stop` stops it.
OPENSEARCH_PORT ?= 9200
OPENSEARCH_HEAP ?= 1g
OPENSEARCH_JAR := opensearch/target/opensearch-local.jar
OPENSEARCH_HOME := var/opensearch
OPENSEARCH_PID := var/opensearch.pid
OPENSEARCH_LOG := $(OPENSEARCH_HOME)/opensearch.log
OPENSEARCH_HEALTH := http://127.0.0.1:$(OPENSEARCH_PORT)/_cluster/health?wait_for_status=yellow&timeout=1s
# From the distribution's JVM options, less -XX:+AlwaysPreTouch (it would claim the whole heap at start).
OPENSEARCH_JAVA_OPTS := -Xms$(OPENSEARCH_HEAP) -Xmx$(OPENSEARCH_HEAP) -XX:+UseG1GC -Xss1m \
	-Djava.awt.headless=true -Dfile.encoding=UTF-8 -Djava.locale.providers=SPI,COMPAT \
	-Dio.netty.noUnsafe=true -Dio.netty.noKeySetOptimization=true -Dio.netty.recycler.maxCapacityPerThread=0 \
	-Dlog4j.shutdownHookEnabled=false -Dlog4j2.disable.jmx=true -Dlog4j2.formatMsgNoLookups=true \
	-Dopensearch.path.home=$(OPENSEARCH_HOME) -Dopensearch.path.conf=opensearch/config

# Java and Maven from Debian's packages when missing (needs root or sudo).
maven:
	@command -v mvn >/dev/null 2>&1 && command -v javac >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jdk-headless maven >/dev/null; }

$(OPENSEARCH_JAR): opensearch/pom.xml $(shell find opensearch/src -type f) | maven
	cd opensearch && mvn -q -B package
	touch $@

opensearch: $(OPENSEARCH_JAR)
	@if curl -fsS -o /dev/null '$(OPENSEARCH_HEALTH)' 2>/dev/null; then exit 0; fi; \
	if ! { [ -f $(OPENSEARCH_PID) ] && kill -0 $$(cat $(OPENSEARCH_PID)) 2>/dev/null; }; then \
		mkdir -p $(OPENSEARCH_HOME); \
		echo "Starting OpenSearch on 127.0.0.1:$(OPENSEARCH_PORT) (log: $(OPENSEARCH_LOG))"; \
		nohup java $(OPENSEARCH_JAVA_OPTS) -jar $(OPENSEARCH_JAR) http.port=$(OPENSEARCH_PORT) \
			>$(OPENSEARCH_LOG) 2>&1 </dev/null & echo $$! >$(OPENSEARCH_PID); \
	fi; \
	for _ in $$(seq 1 90); do \
		curl -fsS -o /dev/null '$(OPENSEARCH_HEALTH)' 2>/dev/null && { echo "OpenSearch is up"; exit 0; }; \
		kill -0 $$(cat $(OPENSEARCH_PID)) 2>/dev/null || break; \
		sleep 1; \
	done; \
	echo "OpenSearch did not come up on 127.0.0.1:$(OPENSEARCH_PORT); end of $(OPENSEARCH_LOG):" >&2; \
	tail -n 40 $(OPENSEARCH_LOG) >&2; \
	kill -0 $$(cat $(OPENSEARCH_PID)) 2>/dev/null || rm -f $(OPENSEARCH_PID); exit 1

opensearch-stop:
	@if [ -f $(OPENSEARCH_PID) ] && kill -0 $$(cat $(OPENSEARCH_PID)) 2>/dev/null; then \
		pid=$$(cat $(OPENSEARCH_PID)); kill -TERM $$pid; \
		for _ in $$(seq 1 60); do kill -0 $$pid 2>/dev/null || break; sleep 1; done; \
		if kill -0 $$pid 2>/dev/null; then echo "OpenSearch ($$pid) did not stop within 60 s" >&2; exit 1; fi; \
		echo "OpenSearch stopped"; \
	else echo "OpenSearch is not running (no live process in $(OPENSEARCH_PID))"; fi; \
	rm -f $(OPENSEARCH_PID)
