"""Writes N realistic Dutch Kennisbank articles as JSON Lines in the import_articles format.

    .venv/bin/python benchmarks/generate_corpus.py 10000 > var/corpus-10000.jsonl

The same N and seed always give the same file. Articles spread over the 35 regions (most with one
region, some national, some for several regions), the 7 themes, the five kinds and both school
types; about one in twenty is a draft.
"""

import argparse
import csv
import datetime
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS_CSV = ROOT / "regions" / "data" / "arbeidsmarktregios.csv"
THEMES_CSV = ROOT / "themes" / "data" / "themes.csv"
KINDS = ["goed-voorbeeld", "handreiking", "onderzoek", "regelgeving", "instrument"]
SCHOOL_TYPES = [["pro"], ["vso"], ["pro", "vso"]]
FIRST_DAY = datetime.date(2019, 1, 1)
DAYS = (datetime.date(2026, 6, 30) - FIRST_DAY).days

TITLE_OPENINGS = {
    "goed-voorbeeld": ["Zo doet {place} het:", "Goed voorbeeld uit {place}:", "In {place}:"],
    "handreiking": ["Handreiking:", "Stappenplan:", "Checklist:"],
    "onderzoek": ["Onderzoek:", "Monitor {year}:", "Wat werkt:"],
    "regelgeving": ["Regelgeving:", "Wet en regels:", "Nieuw per {year}:"],
    "instrument": ["Instrument:", "Werkvorm:", "Hulpmiddel:"],
}
TOPICS = [
    "stageplaatsen bij de gemeente", "een vaste jobcoach na de overstap",
    "de warme overdracht naar de gemeente",
    "werkgevers in de techniek", "leerwerktrajecten in de zorg", "nazorg in het eerste jaar",
    "samenwerking met het Werkgeversservicepunt", "de route naar de entree-opleiding",
    "praktijkverklaringen en mbo-certificaten", "nieuwkomers in het praktijkonderwijs",
    "beschut werk en de Participatiewet", "het doelgroepregister", "loonkostensubsidie",
    "het Doorstroompunt en de RMC-functie", "banenafspraak en garantiebanen",
    "overlegtafels in de arbeidsmarktregio", "het jaarplan van het netwerk",
    "de stuurgroep van schooldirecteuren", "stages in de logistiek",
    "werken in de groenvoorziening",
    "de overstap van vso naar dagbesteding", "ouders betrekken bij de uitstroom",
    "taal op de werkvloer", "een loopbaandossier dat meegaat",
    "de wet Van school naar duurzaam werk",
]
SUBJECTS = [
    "De school", "Het netwerk", "De netwerkcoördinator", "De gemeente", "Het UWV",
    "Het Werkgeversservicepunt", "De stagebegeleider", "De jobcoach", "Een werkgever", "SBB",
    "De centrumgemeente", "Het mbo", "De leerling", "De mentor", "Het Doorstroompunt",
]
VERBS = [
    "maakt afspraken over", "zorgt voor", "werkt samen aan", "organiseert", "brengt in kaart",
    "begeleidt", "bespreekt elk kwartaal", "houdt zicht op", "legt vast", "verbetert",
    "zoekt actief naar", "deelt ervaringen over", "evalueert", "financiert",
]
OBJECTS = [
    "stageplekken voor leerlingen uit pro en vso", "de nazorg na het diploma",
    "een passende baan met begeleiding", "de overstap naar werk", "een sluitende aanpak",
    "afspraken tussen de gemeenten in de regio", "leerwerkplekken bij kleine bedrijven",
    "de inzet van loonkostensubsidie", "een route voor nieuwkomers", "de praktijkverklaring",
    "een warme overdracht naar de gemeente", "het aantal leerlingen dat uitvalt",
    "knelpunten uit de inventarisatie", "acties in het jaarplan", "duurzaam werk",
]
ENDINGS = [
    "zodat leerlingen niet tussen wal en schip vallen.", "in de hele arbeidsmarktregio.",
    "met steun van de schoolleiding.", "en legt dat vast in het jaarplan.",
    "voordat de leerling de school verlaat.", "samen met ouders en begeleiders.",
    "in het eerste jaar na uitstroom.", "met werkgevers uit de buurt.",
]


def read_codes(path, column):
    with open(path, encoding="utf-8", newline="") as handle:
        return [row[column] for row in csv.DictReader(handle)]


def read_regions():
    with open(REGIONS_CSV, encoding="utf-8", newline="") as handle:
        return {row["statcode"]: row["statnaam"] for row in csv.DictReader(handle)}


def sentence(rng):
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(ENDINGS)}"


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def body_html(rng, topic):
    parts = [f"<p>{paragraph(rng)}</p>"]
    if rng.random() < 0.5:
        parts.append(f"<h2>Wat werkt bij {topic}</h2>")
    parts.append(f"<p><strong>{sentence(rng)}</strong> {paragraph(rng)}</p>")
    if rng.random() < 0.4:
        items = "".join(f"<li>{sentence(rng)}</li>" for _ in range(rng.randint(2, 4)))
        parts.append(f"<ul>{items}</ul>")
    parts.append(f"<p>{paragraph(rng)}</p>")
    return "".join(parts)


def pick_regions(rng, region_codes):
    roll = rng.random()
    if roll < 0.6:
        return [rng.choice(region_codes)]
    if roll < 0.85:
        return []
    return sorted(rng.sample(region_codes, rng.randint(2, 4)))


def generate_articles(count, seed=2026):
    """Yield `count` article dicts; deterministic for a given count and seed."""
    rng = random.Random(seed)
    regions = read_regions()
    region_codes = sorted(regions)
    theme_codes = read_codes(THEMES_CSV, "code")
    for number in range(1, count + 1):
        kind = rng.choice(KINDS)
        article_regions = pick_regions(rng, region_codes)
        published = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        place = regions[article_regions[0]] if article_regions else "het land"
        opening = rng.choice(TITLE_OPENINGS[kind]).format(place=place, year=published.year)
        topic = rng.choice(TOPICS)
        yield {
            "slug": f"artikel-{number:06d}",
            "title": f"{opening} {topic}",
            "intro": sentence(rng),
            "body_html": body_html(rng, topic),
            "kind": kind,
            "themes": sorted(rng.sample(theme_codes, rng.choice([1, 1, 2, 3]))),
            "regions": article_regions,
            "school_types": rng.choice(SCHOOL_TYPES),
            "published": published.isoformat(),
            "live": rng.random() >= 0.05,
        }


def write_corpus(count, handle, seed=2026):
    for article in generate_articles(count, seed):
        handle.write(json.dumps(article, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    write_corpus(args.count, sys.stdout, args.seed)


if __name__ == "__main__":
    main()
