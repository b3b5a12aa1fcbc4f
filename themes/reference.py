"""Loads the seven themes from the repository's own copy of themes.csv.

The CSV fixes each theme's code and order, and every run restores those. Its title and
description are only the starting text of a theme it creates: national editors edit them in the
admin afterwards, and a re-run keeps their edits (it reports such a theme as unchanged).
"""

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
    existing = set(Theme.objects.values_list("code", flat=True))
    for row in read_themes():
        code = row.pop("code")
        values = {"order": row["order"]} if code in existing else row
        tally.apply(Theme, {"code": code}, values)
