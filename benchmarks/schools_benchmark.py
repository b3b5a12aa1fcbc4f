"""Times the DUO school import and the national overview at a national scale.

Writes a DUO-style VO file of ROWS locations spread over all municipalities (every third one pro),
imports it, imports it again (nothing changes), then renders the overview, its CSV and one region
page, counting queries. Run against a seeded database of its own:

    export DATABASE_URL=sqlite:////tmp/bench-schools.sqlite3
    .venv/bin/python manage.py migrate -v0 && .venv/bin/python manage.py seed_demo
    DJANGO_SETTINGS_MODULE=config.settings.test \
        .venv/bin/python manage.py shell -c "import benchmarks.schools_benchmark as b; b.main()"
"""

import csv
import io
import time

from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from regions.importers.schools import SchoolImporter
from regions.models import Municipality, RegionIndexPage, RegionPage

ROWS = 5000
HEADER = [
    "BRIN NUMMER",
    "VESTIGINGSNUMMER",
    "VESTIGINGSNAAM",
    "STRAATNAAM",
    "HUISNUMMER-TOEVOEGING",
    "POSTCODE",
    "PLAATSNAAM",
    "GEMEENTENUMMER",
    "TELEFOONNUMMER",
    "INTERNETADRES",
    "ONDERWIJSSTRUCTUUR",
]


def duo_file(rows=ROWS):
    numbers = list(Municipality.objects.values_list("number", flat=True))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADER)
    for serial in range(rows):
        brin = f"{serial % 100:02d}{chr(65 + serial // 2600 % 26)}{chr(65 + serial // 100 % 26)}"
        writer.writerow(
            [
                brin,
                f"{brin}{serial % 7:02d}",
                f"School {serial}",
                "Schoolstraat",
                str(serial),
                "1234 AB",
                "PLAATS",
                numbers[serial % len(numbers)],
                "0101234567",
                f"www.school{serial}.example",
                "PRO" if serial % 3 == 0 else "VBO/MAVO",
            ]
        )
    return out.getvalue().encode("utf-8")


def timed(label, action):
    with CaptureQueriesContext(connection) as queries:
        started = time.perf_counter()
        result = action()
        elapsed = time.perf_counter() - started
    print(f"{label}: {elapsed * 1000:.0f} ms, {len(queries)} queries")
    return result


def main():
    data = duo_file()
    for label in ("first import", "re-import"):
        report = timed(f"{label} of {ROWS} rows", lambda: SchoolImporter().run(data))
        print(
            f"  created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}, skipped {report.skipped}, "
            f"errors {len(report.errors)}"
        )
    client = Client(HTTP_HOST="localhost")
    index = RegionIndexPage.objects.get(locale__language_code="nl")
    region = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    with override_settings(PAGE_CACHE_SECONDS=0):  # every page is rendered, never from the page cache
        client.get(index.url)
        for label, url in (
            ("overview", index.url + index.reverse_subpage("overview")),
            ("overview CSV", index.url + index.reverse_subpage("overview_csv")),
            ("region index with map", index.url),
            ("region page Rijnmond", region.url),
        ):
            timed(label, lambda url=url: client.get(url))
