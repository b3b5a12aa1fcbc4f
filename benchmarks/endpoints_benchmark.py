"""Latency and SQL queries of the site's pages, the APIs and the feeds on the demo content.

    .venv/bin/python benchmarks/endpoints_benchmark.py                 # SQLite, var/bench-endpoints.sqlite3
    .venv/bin/python benchmarks/endpoints_benchmark.py --database-url postgres://postgres:postgres@127.0.0.1:5432/vsopro_bench_endpoints

Builds a fresh database (migrations, reference data, the demo site and its roles) and collects
the static files, as `make run` does, then requests
each address once to warm the caches, counts the SQL queries of one request and times --rounds
more through Django's test client (middleware, templates and JSON included, no network).
Prints a Markdown table of p50 / p95 in milliseconds. Never part of the test run.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from search_benchmark import percentile, recreate_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'bench-endpoints.sqlite3'}"
ADDRESSES = [
    "/",
    "/regios/",
    "/regios/rijnmond/",
    "/regios/overzicht/",
    "/regios/overzicht/csv/",
    "/themas/nazorg/",
    "/zoeken/?q=stageplaats+werkgever",
    "/api/v2/pages/?fields=*&limit=100",
    "/api/v2/pages/?type=knowledge.ArticlePage&theme=nazorg&fields=*",
    "/api/regions/",
    "/api/regions/AM22/",
    "/api/themes/nazorg/",
    "/api/schools/?page_size=100",
    "/api/search/?q=stageplaats+werkgever",
    "/feeds/nieuws/rss/",
    "/feeds/agenda.ics",
    "/sitemap.xml",
]


def build_demo(database_url):
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        recreate_database(database_url)
    os.environ["DATABASE_URL"] = database_url
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # every request is rendered, never answered from the page cache
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    call_command("setup_roles", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)


def count_queries(client, address):
    from django.db import connection

    statements = []

    def counting(execute, sql, params, many, context):
        statements.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counting):
        response = client.get(address)
    assert response.status_code == 200, f"{address}: {response.status_code}"
    return len(statements)


def measure(client, address, rounds):
    client.get(address)
    queries = count_queries(client, address)
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        client.get(address)
        samples.append((time.perf_counter() - start) * 1000)
    return queries, statistics.median(samples), percentile(samples, 0.95)


def main():
    parser = argparse.ArgumentParser(description="Latency and queries of the site's addresses.")
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    args = parser.parse_args()
    build_demo(args.database_url)

    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    print("| address | SQL queries | p50 | p95 |")
    print("|---|---:|---:|---:|")
    for address in ADDRESSES:
        queries, p50, p95 = measure(client, address, args.rounds)
        print(f"| `{address}` | {queries} | {p50:.1f} ms | {p95:.1f} ms |", flush=True)


if __name__ == "__main__":
    main()
