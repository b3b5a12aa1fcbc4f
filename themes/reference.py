"""Loads the seven themes from the repository's own copy of themes.csv."""

import csv
from pathlib import Path

from .models import Theme

THEMES_CSV = Path(__file__).parent / "data" / "themes.csv"


def read_themes(path=THEMES_CSV):
    with open(path, encoding="utf-8", newline="") as handle:
        return [
            {
                "code": row["code"],
                "order": int(row["order"]),
                "title": row["title"],
                "description": row.get("description", ""),
            }
            for row in csv.DictReader(handle)
        ]


def load_themes(tally):
    for row in read_themes():
        code = row.pop("code")
        tally.apply(Theme, {"code": code}, row)
