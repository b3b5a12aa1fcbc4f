"""Loads the 35 labour-market regions and the 342 municipalities from the repository's copies
of the CBS files."""

import csv
from pathlib import Path

from .models import Municipality, Region

DATA_DIR = Path(__file__).parent / "data"
REGIONS_CSV = DATA_DIR / "arbeidsmarktregios.csv"
MUNICIPALITIES_CSV = DATA_DIR / "gemeente_arbeidsmarktregio.csv"


def _rows(path):
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def load_regions(tally):
    for row in _rows(REGIONS_CSV):
        tally.apply(Region, {"code": row["statcode"]}, {"name": row["statnaam"]})


def load_municipalities(tally):
    regions = {region.code: region for region in Region.objects.all()}
    for row in _rows(MUNICIPALITIES_CSV):
        tally.apply(
            Municipality,
            {"code": row["gemeentecode"]},
            {
                "number": row["gemeentenummer"],
                "name": row["gemeentenaam"],
                "region": regions[row["arbeidsmarktregio_code"]],
            },
        )
