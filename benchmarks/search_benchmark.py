"""Search latency at 10,000 and 100,000 pages on PostgreSQL.

    .venv/bin/python benchmarks/search_benchmark.py --sizes 10000 100000

Builds a fresh database (default `vsopro_bench` on the local PostgreSQL): migrations, the demo
site, then the generated corpus (generate_corpus.py; `--corpus realistic`, the default, or
`--corpus dense`, the small-vocabulary worst case) grown to each size through the bulk loader,
indexed by Wagtail's database search backend with the `dutch` configuration (and the search
service's vocabulary through `update_search_terms`). At each size it
times a fixed list of queries, the three methods taking turns on each query:

- ours:  GET /api/search/?q=… (the search service with its facets, through the test client)
- plain: list(Page.objects.live().search(q)[:20]), what Wagtail's starter search view runs
- floor: one raw SQL full-text query on Wagtail's index table (match, rank, top 20)

and prints p50/p95 latency per method and the SQL queries per request of ours. With
`--measure-only` it times the database an earlier run left (its articles counted as they are).

With `--backend opensearch` the pages are also indexed in the OpenSearch node at
`OPENSEARCH_URL` (default http://127.0.0.1:9200, `make opensearch`) with `update_index`, whose
throughput is reported, and a fourth method takes its turn:

- engine: the same GET /api/search/?q=… with the search service on OpenSearch

so that the engine, our PostgreSQL path and plain Wagtail search on PostgreSQL are timed side by
side in one run. Never part of the test run.
"""

import argparse
import os
import statistics
import sys
import time
from itertools import islice
from pathlib import Path
from urllib.parse import urlencode

from generate_corpus import STYLES, generate_articles

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:5432/vsopro_bench"
# (query, filters): common and rare words, two-word questions, a typo, filtered searches.
QUERIES = [
    ("stage", {}),
    ("werkgevers", {}),
    ("nazorg", {}),
    ("jobcoach", {}),
    ("loonkostensubsidie", {}),
    ("stageplaatsen werkgevers", {}),
    ("warme overdracht gemeente", {}),
    ("nieuwkomers praktijkonderwijs", {}),
    ("praktijkverklaring", {}),
    ("doelgroepregister", {}),
    ("beschut werk", {}),
    ("werkgeversservicepunt", {}),
    ("loonkostensubsidei", {}),
    ("stage", {"theme": "nazorg"}),
    ("werkgevers", {"region": "AM22"}),
    ("jobcoach", {"kind": "handreiking", "school_type": "vso"}),
]
FLOOR_SQL = """
    SELECT entry.object_id, ts_rank(entry.title, query) * 2 + ts_rank(entry.body, query) AS rank
    FROM wagtailsearch_indexentry AS entry, websearch_to_tsquery('dutch', %s) AS query
    WHERE entry.title @@ query OR entry.body @@ query
    ORDER BY rank DESC
    LIMIT 20
"""


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ.pop("OPENSEARCH_URL", None)  # the site's backend stays PostgreSQL; see engine_config
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # every search is run, never answered from the page cache
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()


def recreate_database(database_url):
    import psycopg
    from django.db.backends.postgresql.psycopg_any import sql

    name = database_url.rsplit("/", 1)[1]
    with psycopg.connect(database_url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def build_site():
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed(found, rounds, budget):
    """Milliseconds per call of each method over `rounds` passes of the query list, after one
    warm-up pass; fewer passes (at least one) once `budget` seconds have gone. The methods take
    turns on every query, each pass in another order, so that a shared machine that slows down
    or speeds up during the run (it does, by half) weighs on all of them alike."""
    for query, filters in QUERIES:
        for function in found.values():
            function(query, filters)
    samples, started = {name: [] for name in found}, time.perf_counter()
    for number in range(rounds):
        turns = list(found.items())
        turns = turns[number % len(turns) :] + turns[: number % len(turns)]
        for query, filters in QUERIES:
            for name, function in turns:
                start = time.perf_counter()
                function(query, filters)
                samples[name].append((time.perf_counter() - start) * 1000)
        if time.perf_counter() - started > budget:
            break
    return samples


def engine_config(url):
    from search.backends import search_backends

    return search_backends({"OPENSEARCH_URL": url, "SEARCH_INDEX_PREFIX": "vsopro_bench_"}, True)


def index_in_engine(url):
    """Index every page in the engine with update_index; pages per second."""
    from django.core.management import call_command
    from django.test import override_settings
    from wagtail.models import Page

    start = time.perf_counter()
    with override_settings(WAGTAILSEARCH_BACKENDS=engine_config(url)):
        call_command("update_index", verbosity=0)
    seconds = time.perf_counter() - start
    pages = Page.objects.count()
    print(
        f"{pages:,} pages indexed in OpenSearch in {seconds:.0f} s ({pages / seconds:.0f} pages/s)",
        flush=True,
    )
    return pages / seconds


def methods(engine_url=None):
    from django.db import connection
    from django.test import Client, override_settings
    from wagtail.models import Page

    client = Client(HTTP_HOST="localhost")

    def ours(query, filters):
        response = client.get("/api/search/?" + urlencode({"q": query, **filters}))
        assert response.status_code == 200, response.content[:200]
        return response

    on_engine = override_settings(WAGTAILSEARCH_BACKENDS=engine_config(engine_url)) if engine_url else None

    def engine(query, filters):
        with on_engine:
            return ours(query, filters)

    def plain(query, filters):
        return list(Page.objects.live().search(query)[:20])

    def floor(query, filters):
        with connection.cursor() as cursor:
            cursor.execute(FLOOR_SQL, [query])
            return cursor.fetchall()

    found = {"ours": ours, "plain": plain, "floor": floor}
    return {"engine": engine, **found} if engine_url else found


def queries_per_request(ours):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    counts = []
    for query, filters in QUERIES:
        with CaptureQueriesContext(connection) as captured:
            ours(query, filters)
        counts.append(len(captured))
    return min(counts), max(counts)


def measure(articles, rounds, budget, engine_url=None):
    from wagtail.models import Page

    found = methods(engine_url)
    row = {"size": articles, "pages": Page.objects.count()}
    if engine_url:
        row["indexing"] = index_in_engine(engine_url)
    for name, samples in timed(found, rounds, budget).items():
        row[name] = (statistics.median(samples), percentile(samples, 0.95))
        print(f"{articles:,} articles, {name}: {len(samples)} timed searches", flush=True)
    row["sql"] = queries_per_request(found["ours"])
    return row


def print_table(rows, corpus):
    engine = "engine" in rows[0]
    print()
    print(f"Corpus: {corpus}")
    print(
        "| articles | pages | "
        + ("OpenSearch p50 / p95 | " if engine else "")
        + "ours p50 / p95 | plain p50 / p95 | floor p50 / p95 | "
        + ("OpenSearch ÷ plain (p95) | indexing | " if engine else "")
        + "ours ÷ plain (p95) | SQL queries per request |"
    )
    print("|---:" * (9 if engine else 7) + "|")
    for row in rows:
        cells = [f"{row['size']:,}", f"{row['pages']:,}"]
        names = ("engine", "ours", "plain", "floor") if engine else ("ours", "plain", "floor")
        cells += [f"{row[name][0]:.1f} / {row[name][1]:.1f} ms" for name in names]
        if engine:
            cells.append(f"{row['engine'][1] / row['plain'][1]:.2f}×")
            cells.append(f"{row['indexing']:.0f} pages/s")
        cells.append(f"{row['ours'][1] / row['plain'][1]:.2f}×")
        low, high = row["sql"]
        cells.append(str(low) if low == high else f"{low}–{high}")
        print("| " + " | ".join(cells) + " |")


def main():
    parser = argparse.ArgumentParser(description="Search latency at scale on PostgreSQL.")
    parser.add_argument("--sizes", type=int, nargs="+", default=[10000, 100000])
    parser.add_argument("--rounds", type=int, default=5, help="passes over the query list")
    parser.add_argument(
        "--budget", type=float, default=600, help="seconds per size after which no new pass starts"
    )
    parser.add_argument(
        "--corpus",
        choices=STYLES,
        default="realistic",
        help="generate_corpus.py style: realistic, or dense (common words on most pages)",
    )
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument(
        "--backend",
        choices=["postgresql", "opensearch"],
        default="postgresql",
        help="opensearch: also index in the node at OPENSEARCH_URL and time the search on it",
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="time the database an earlier run left, as it is (no --sizes)",
    )
    args = parser.parse_args()
    engine_url = (
        os.environ.get("OPENSEARCH_URL", "http://127.0.0.1:9200") if args.backend == "opensearch" else None
    )
    if not args.database_url.startswith("postgres"):
        parser.error("the benchmark runs on PostgreSQL")
    if args.measure_only:
        setup_django(args.database_url)
        from knowledge.models import ArticlePage

        print_table([measure(ArticlePage.objects.count(), args.rounds, args.budget, engine_url)], args.corpus)
        return

    recreate_database(args.database_url)
    setup_django(args.database_url)
    build_site()

    from bulk_load import BulkArticleLoader

    loader = BulkArticleLoader()
    corpus = generate_articles(max(args.sizes), style=args.corpus)
    loaded, rows = 0, []
    for size in sorted(args.sizes):
        start = time.perf_counter()
        loaded += loader.load(islice(corpus, size - loaded))
        print(f"{loaded:,} articles loaded and indexed in {time.perf_counter() - start:.0f} s", flush=True)
        rows.append(measure(size, args.rounds, args.budget, engine_url))
        print_table(rows[-1:], args.corpus)
    print_table(rows, args.corpus)


if __name__ == "__main__":
    main()
