"""Requests per second and latency of the site as production serves it, with and without the page
cache, from a load generator on the same machine (loopback only).

    .venv/bin/python benchmarks/load.py          # or: make load

1. Builds a fresh database (default `vsopro_load` on the local PostgreSQL, `make postgres`):
   migrations and the demo site; collects the static files into a temporary folder.
2. Starts gunicorn with `config.settings.production` on 127.0.0.1 and a free port, --workers
   processes (3 on a 2-core machine), twice: with the page cache (PAGE_CACHE_SECONDS=300, its
   files in a fresh temporary folder, or with --redis in a throwaway redis-server on loopback)
   and without it (PAGE_CACHE_SECONDS=0).
3. Against each, after a warm-up pass, runs 10 and then 40 concurrent clients (threads with a
   keep-alive HTTP connection each; gunicorn's sync workers close it after every answer), each
   walking the ADDRESSES in turn, for --seconds or --max-requests, whichever ends first.

Prints requests/s and p50/p95/p99 per address and overall, and checks the targets: no errors
(any answer but 200, or a failed connection), the cached rate at least TARGET_SPEEDUP times the
uncached one, the cached p95 at 40 clients below TARGET_P95_MS. Exits 1 on errors, 2 on a missed
target. The load generator shares the machine's cores with the server. Never part of the test run.
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from search_benchmark import percentile, recreate_database

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
DEFAULT_DATABASE_URL = "postgres://postgres:postgres@127.0.0.1:5432/vsopro_load"
CLIENTS = [10, 40]
TARGET_SPEEDUP = 5
TARGET_P95_MS = 100
# Filled in from the content API once the server runs: a region page and an article.
ADDRESSES = {
    "home page": "/",
    "region page": None,
    "article": None,
    "search page": "/zoeken/?q=stage",
    "content API listing": "/api/v2/pages/?type=knowledge.ArticlePage&fields=title,date",
    "search API": "/api/search/?q=stage",
}


def server_environment(database_url, folder, page_cache_seconds):
    """Production settings, with what a run on plain HTTP over loopback needs."""
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"REDIS_URL", "OPENSEARCH_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DATABASE_URL=database_url,
        SECRET_KEY=secrets.token_urlsafe(40),
        EMAIL_URL="console:",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        STATIC_ROOT=str(folder / "static"),
        PAGE_CACHE_DIR=str(folder / f"pages-{page_cache_seconds}"),
        PAGE_CACHE_SECONDS=str(page_cache_seconds),
        LOG_LEVEL="WARNING",
    )
    return environment


def manage(environment, *arguments):
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=environment, check=True)


def build_site(database_url, folder, reuse):
    environment = server_environment(database_url, folder, 0)
    if not reuse:
        print(f"Building the demo site in {database_url.rsplit('/', 1)[1]}", flush=True)
        recreate_database(database_url)
        manage(environment, "migrate", "--noinput", "--verbosity", "0")
        manage(environment, "seed_demo", "--verbosity", "0")
    manage(environment, "collectstatic", "--noinput", "--verbosity", "0")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def running(command, environment, is_ready, name):
    """A server process, ready for work inside the block, stopped (and waited for) after it."""
    process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while not is_ready():
            if process.poll() is not None:
                raise SystemExit(f"{name} stopped while starting")
            if time.monotonic() > deadline:
                raise SystemExit(f"{name} did not answer within 60 s")
            time.sleep(0.5)
        yield
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def answers(port, address):
    try:
        return get(port, address)[0] == 200
    except OSError:
        return False


def gunicorn(environment, workers, port, log):
    command = [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", str(workers)]
    command += ["--error-logfile", str(log)]
    return running(command, environment, lambda: answers(port, "/"), f"gunicorn (log: {log})")


def redis_server(folder, port):
    """A throwaway redis-server on loopback that keeps nothing on disk (`make redis` installs it)."""
    import redis

    def pings():
        try:
            return redis.Redis(port=port, socket_connect_timeout=1).ping()
        except redis.ConnectionError:
            return False

    command = ["redis-server", "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    return running(command + ["--dir", str(folder)], os.environ, pings, "redis-server")


def get(port, address, connection=None):
    """(status, headers, body) of one GET."""
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", address)
    response = connection.getresponse()
    return response.status, response, response.read()


def discover_addresses(port):
    """A region page (Rijnmond) and an article of the demo site, as the content API lists them."""
    listings = {
        "region page": "/api/v2/pages/?type=regions.RegionPage&slug=rijnmond&fields=-title",
        "article": "/api/v2/pages/?type=knowledge.ArticlePage&fields=-title&limit=1",
    }
    for name, listing in listings.items():
        status, _, body = get(port, listing)
        assert status == 200, f"{listing}: {status}"
        ADDRESSES[name] = urlsplit(json.loads(body)["items"][0]["meta"]["html_url"]).path


@dataclass
class Samples:
    latencies: dict = field(default_factory=lambda: {name: [] for name in ADDRESSES})
    hits: dict = field(default_factory=lambda: {name: 0 for name in ADDRESSES})
    errors: list = field(default_factory=list)
    seconds: float = 0.0


def drive(port, clients, seconds, max_requests):
    """`clients` threads, each walking the addresses in turn from a different one, until the time
    is up or max_requests have been sent."""
    samples = Samples()
    names = list(ADDRESSES)
    lock = threading.Lock()
    sent = [0]
    deadline = time.perf_counter() + seconds

    def client(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        turn = number
        while time.perf_counter() < deadline:
            with lock:
                if sent[0] >= max_requests:
                    return
                sent[0] += 1
            name = names[turn % len(names)]
            turn += 1
            start = time.perf_counter()
            try:
                status, response, _ = get(port, ADDRESSES[name], connection)
            except (OSError, http.client.HTTPException) as error:
                connection.close()
                with lock:
                    samples.errors.append(f"{name}: {error!r}")
                continue
            elapsed = (time.perf_counter() - start) * 1000
            with lock:
                samples.latencies[name].append(elapsed)
                samples.hits[name] += response.getheader("X-Cache") == "HIT"
                if status != 200:
                    samples.errors.append(f"{name}: HTTP {status}")
        connection.close()

    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    samples.seconds = time.perf_counter() - started
    return samples


def summary(latencies, seconds):
    return {
        "requests": len(latencies),
        "rate": len(latencies) / seconds,
        "p50": statistics.median(latencies) if latencies else float("nan"),
        "p95": percentile(latencies, 0.95) if latencies else float("nan"),
        "p99": percentile(latencies, 0.99) if latencies else float("nan"),
    }


def table(label, samples):
    print(f"\n{label}: {samples.seconds:.1f} s, {len(samples.errors)} errors\n")
    print("| address | requests | requests/s | p50 | p95 | p99 | cache hits |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    rows = [(name, samples.latencies[name], samples.hits[name]) for name in ADDRESSES]
    everything = [ms for latencies in samples.latencies.values() for ms in latencies]
    rows.append(("**all**", everything, sum(samples.hits.values())))
    for name, latencies, hits in rows:
        figures = summary(latencies, samples.seconds)
        address = name if name == "**all**" else f"{name} `{ADDRESSES[name]}`"
        print(
            f"| {address} | {figures['requests']} | {figures['rate']:.1f} | {figures['p50']:.1f} ms "
            f"| {figures['p95']:.1f} ms | {figures['p99']:.1f} ms | {hits / max(1, len(latencies)):.0%} |",
            flush=True,
        )
    for error in samples.errors[:10]:
        print(f"  error: {error}")
    return summary(everything, samples.seconds)


def measure(label, environment, args, folder):
    port = free_port()
    with gunicorn(environment, args.workers, port, folder / f"gunicorn-{label}.log"):
        if ADDRESSES["article"] is None:
            discover_addresses(port)
        drive(port, 3, 5, 3 * len(ADDRESSES))  # warm-up: every worker, every address
        results = {}
        for clients in CLIENTS:
            samples = drive(port, clients, args.seconds, args.max_requests)
            results[clients] = (table(f"{label}, {clients} clients", samples), len(samples.errors))
    return results


def main():
    parser = argparse.ArgumentParser(description="Load on gunicorn with and without the page cache.")
    parser.add_argument("--database-url", default=os.environ.get("LOAD_DATABASE_URL", DEFAULT_DATABASE_URL))
    parser.add_argument("--workers", type=int, default=3, help="gunicorn worker processes")
    parser.add_argument("--seconds", type=float, default=15, help="per concurrency level and server")
    parser.add_argument("--max-requests", type=int, default=20000, help="per concurrency level and server")
    parser.add_argument("--reuse-database", action="store_true", help="keep the database of an earlier run")
    parser.add_argument(
        "--redis", action="store_true", help="the page cache in a local redis-server instead of files"
    )
    args = parser.parse_args()
    if not args.database_url.startswith("postgres"):
        parser.error("the load benchmark runs on PostgreSQL")

    with tempfile.TemporaryDirectory(prefix="vsopro-load-") as temporary:
        folder = Path(temporary)
        build_site(args.database_url, folder, args.reuse_database)
        cached_environment = server_environment(args.database_url, folder, 300)
        if args.redis:
            redis_port = free_port()
            cached_environment["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            with redis_server(folder, redis_port):
                cached = measure("cached in Redis", cached_environment, args, folder)
        else:
            cached = measure("cached in files", cached_environment, args, folder)
        uncached = measure("uncached", server_environment(args.database_url, folder, 0), args, folder)

    errors = sum(count for results in (cached, uncached) for _, count in results.values())
    print(f"\nTargets ({args.workers} gunicorn workers, {os.cpu_count()} cores):")
    missed = []
    for clients in CLIENTS:
        speedup = cached[clients][0]["rate"] / uncached[clients][0]["rate"]
        print(f"- {clients} clients: cached {speedup:.1f}× the uncached rate (target ≥ {TARGET_SPEEDUP}×)")
        if speedup < TARGET_SPEEDUP:
            missed.append(f"speed-up at {clients} clients")
    p95 = cached[max(CLIENTS)][0]["p95"]
    print(f"- cached p95 at {max(CLIENTS)} clients: {p95:.1f} ms (target < {TARGET_P95_MS} ms)")
    if not p95 < TARGET_P95_MS:
        missed.append("p95")
    print(f"- errors: {errors} (target 0)")
    if errors:
        sys.exit(1)
    if missed:
        print("Missed: " + ", ".join(missed))
        sys.exit(2)


if __name__ == "__main__":
    main()
