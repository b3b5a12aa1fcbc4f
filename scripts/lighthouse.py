"""Lighthouse scores of the demo site as production serves it, on a phone (Lighthouse's mobile
emulation), for the home page, a region page, an article and the search page with a query.

    .venv/bin/python scripts/lighthouse.py          # or: make lighthouse

1. Builds the demo site in a fresh SQLite database in a temporary folder, points its Site at the
   server's address (set_site_url) and collects the static files.
2. Starts gunicorn with `config.settings.production` on 127.0.0.1 and a free port (plain HTTP over
   loopback, as benchmarks/load.py does): WhiteNoise serves the compressed, hashed static files with
   far-future caching headers; anonymous pages come from the page cache.
3. Runs Lighthouse (tools/lighthouse, `npm ci` there first) in Debian's Chromium (CHROME_PATH) on
   each address, after one request that fills the page cache.

Prints the four category scores per address and exits 1 unless every address scores accessibility
100, best practices and SEO at least 95, performance at least 90; the audits that cost points are
listed under the table. --keep-reports FOLDER keeps Lighthouse's JSON reports.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from load import free_port, gunicorn, manage, server_environment  # noqa: E402

LIGHTHOUSE = ROOT / "tools" / "lighthouse" / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROME_PATH = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
PAGE_CACHE_SECONDS = 300
# Category id in Lighthouse's report → (column heading, lowest passing score).
TARGETS = {
    "performance": ("Performance", 90),
    "accessibility": ("Accessibility", 100),
    "best-practices": ("Best practices", 95),
    "seo": ("SEO", 95),
}
# Filled in from the content API once the server runs, as benchmarks/load.py does.
ADDRESSES = {
    "home page": "/",
    "region page": "/api/v2/pages/?type=regions.RegionPage&slug=rijnmond&fields=-title",
    "article": "/api/v2/pages/?type=knowledge.ArticlePage&fields=-title&limit=1",
    "search page": "/zoeken/?q=stageplaats",
}


def build_site(environment):
    print("Building the demo site", flush=True)
    for command in (
        ["migrate", "--noinput"],
        ["seed_demo"],
        ["set_site_url"],
        ["collectstatic", "--noinput"],
    ):
        manage(environment, *command, "--verbosity", "0")


def page_address(base_url, address):
    """The address itself, or for a content API listing the page its first item is."""
    if not address.startswith("/api/"):
        return address
    with urlopen(base_url + address, timeout=30) as response:
        return urlsplit(json.load(response)["items"][0]["meta"]["html_url"]).path


# Lighthouse sometimes loses the trace of a page load ("NO_NAVSTART") on a busy machine: a
# failure to measure, not a low score, so the address is audited again.
ATTEMPTS = 3


def lighthouse(url, report_path):
    """Lighthouse's report on one address, in mobile emulation (its default)."""
    command = [
        "node",
        str(LIGHTHOUSE),
        url,
        "--only-categories=" + ",".join(TARGETS),
        "--output=json",
        f"--output-path={report_path}",
        "--quiet",
        "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
    ]
    for attempt in range(1, ATTEMPTS + 1):
        run = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROME_PATH}, timeout=300)
        if run.returncode == 0:
            return json.loads(Path(report_path).read_text(encoding="utf-8"))
        print(f"Lighthouse stopped with an error ({attempt} of {ATTEMPTS})", file=sys.stderr)
    raise SystemExit(f"Lighthouse could not audit {url}")


def scores(report):
    return {key: round(100 * (report["categories"][key]["score"] or 0)) for key in TARGETS}


def lost_points(report):
    """The scored audits that did not pass, per category below its target."""
    lines = []
    for key, (heading, target) in TARGETS.items():
        category = report["categories"][key]
        if round(100 * (category["score"] or 0)) >= target:
            continue
        for ref in category["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
                shown = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                lines.append(f"  {heading}: {audit['id']} – {audit['title']}{shown}")
    return lines


def main():
    parser = argparse.ArgumentParser(description="Lighthouse scores of the demo site on a phone.")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--keep-reports", type=Path, help="a folder to keep Lighthouse's JSON reports in")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        parser.error("Lighthouse is not installed: make lighthouse (runs npm ci in tools/lighthouse)")

    with tempfile.TemporaryDirectory(prefix="vsopro-lighthouse-") as temporary:
        folder = Path(temporary)
        port = free_port()
        base_url = f"http://127.0.0.1:{port}"
        environment = server_environment(f"sqlite:///{folder / 'demo.sqlite3'}", folder, PAGE_CACHE_SECONDS)
        environment["WAGTAILADMIN_BASE_URL"] = base_url
        build_site(environment)
        reports_folder = args.keep_reports or folder
        reports_folder.mkdir(parents=True, exist_ok=True)
        results = {}
        with gunicorn(environment, args.workers, port, folder / "gunicorn.log"):
            for name, address in ADDRESSES.items():
                url = base_url + page_address(base_url, address)
                urlopen(url, timeout=30).close()  # fills the page cache, as earlier visitors would have
                print(f"Lighthouse: {url}", flush=True)
                report = lighthouse(url, reports_folder / f"{name.replace(' ', '-')}.json")
                results[name] = (url.removeprefix(base_url), scores(report), lost_points(report))

    print()
    print("| address | " + " | ".join(heading for heading, _ in TARGETS.values()) + " |")
    print("|---|" + "---:|" * len(TARGETS))
    for name, (path, figures, _) in results.items():
        print(f"| {name} `{path}` | " + " | ".join(str(figures[key]) for key in TARGETS) + " |")
    print("\nTargets: " + ", ".join(f"{heading} ≥ {target}" for heading, target in TARGETS.values()))
    failed = False
    for name, (_, figures, lost) in results.items():
        missed = [TARGETS[key][0] for key in TARGETS if figures[key] < TARGETS[key][1]]
        if missed:
            failed = True
            print(f"\n{name}: below target in {', '.join(missed)}; audits that cost points:")
            print("\n".join(lost))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
