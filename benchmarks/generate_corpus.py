"""Writes N Dutch Kennisbank articles as JSON Lines in the import_articles format.

    .venv/bin/python benchmarks/generate_corpus.py 10000 > var/corpus-10000.jsonl
    .venv/bin/python benchmarks/generate_corpus.py 10000 --style dense > var/dense-10000.jsonl

Two corpora:

- realistic (the default): each article is built on one of the hand-written articles of the
  search tests (its themes, usually its kind, a variation of its title, most of its sentences),
  with a sentence of another article on the same theme and filler text from thousands of Dutch
  compounds drawn with Zipf-like frequencies. Words spread over the articles as in real content:
  "werkgevers" in about a third of them, "nazorg" in one in ten, "doelgroepregister" in a few.
- dense: every sentence from the same few dozen phrases, so common words such as "werkgevers"
  are on almost every page; the worst case for search.

The same N, seed and style always give the same file, and the first N articles of a larger
corpus are the N-article corpus. Articles spread over the 35 regions (most with one region, some
national, some for several regions), the 7 themes, the five kinds and both school types; about
one in twenty is a draft.
"""

import argparse
import csv
import datetime
import json
import random
import re
import sys
from html import unescape
from itertools import accumulate
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
    "stageplaatsen bij de gemeente",
    "een vaste jobcoach na de overstap",
    "de warme overdracht naar de gemeente",
    "werkgevers in de techniek",
    "leerwerktrajecten in de zorg",
    "nazorg in het eerste jaar",
    "samenwerking met het Werkgeversservicepunt",
    "de route naar de entree-opleiding",
    "praktijkverklaringen en mbo-certificaten",
    "nieuwkomers in het praktijkonderwijs",
    "beschut werk en de Participatiewet",
    "het doelgroepregister",
    "loonkostensubsidie",
    "het Doorstroompunt en de RMC-functie",
    "banenafspraak en garantiebanen",
    "overlegtafels in de arbeidsmarktregio",
    "het jaarplan van het netwerk",
    "de stuurgroep van schooldirecteuren",
    "stages in de logistiek",
    "werken in de groenvoorziening",
    "de overstap van vso naar dagbesteding",
    "ouders betrekken bij de uitstroom",
    "taal op de werkvloer",
    "een loopbaandossier dat meegaat",
    "de wet Van school naar duurzaam werk",
]
SUBJECTS = [
    "De school",
    "Het netwerk",
    "De netwerkcoördinator",
    "De gemeente",
    "Het UWV",
    "Het Werkgeversservicepunt",
    "De stagebegeleider",
    "De jobcoach",
    "Een werkgever",
    "SBB",
    "De centrumgemeente",
    "Het mbo",
    "De leerling",
    "De mentor",
    "Het Doorstroompunt",
]
VERBS = [
    "maakt afspraken over",
    "zorgt voor",
    "werkt samen aan",
    "organiseert",
    "brengt in kaart",
    "begeleidt",
    "bespreekt elk kwartaal",
    "houdt zicht op",
    "legt vast",
    "verbetert",
    "zoekt actief naar",
    "deelt ervaringen over",
    "evalueert",
    "financiert",
]
OBJECTS = [
    "stageplekken voor leerlingen uit pro en vso",
    "de nazorg na het diploma",
    "een passende baan met begeleiding",
    "de overstap naar werk",
    "een sluitende aanpak",
    "afspraken tussen de gemeenten in de regio",
    "leerwerkplekken bij kleine bedrijven",
    "de inzet van loonkostensubsidie",
    "een route voor nieuwkomers",
    "de praktijkverklaring",
    "een warme overdracht naar de gemeente",
    "het aantal leerlingen dat uitvalt",
    "knelpunten uit de inventarisatie",
    "acties in het jaarplan",
    "duurzaam werk",
]
ENDINGS = [
    "zodat leerlingen niet tussen wal en schip vallen.",
    "in de hele arbeidsmarktregio.",
    "met steun van de schoolleiding.",
    "en legt dat vast in het jaarplan.",
    "voordat de leerling de school verlaat.",
    "samen met ouders en begeleiders.",
    "in het eerste jaar na uitstroom.",
    "met werkgevers uit de buurt.",
]

# The realistic corpus: hand-written articles from the search tests, varied and padded with text
# from a large vocabulary of compounds that never occur in those articles, so the filler adds
# words without making any real query word common.
SOURCE_ARTICLES = ROOT / "tests" / "search" / "fixtures" / "relevance_articles.jsonl"
COMPOUND_FIRST_PARTS = [
    "werk",
    "leer",
    "stage",
    "school",
    "regio",
    "zorg",
    "loopbaan",
    "praktijk",
    "taal",
    "keten",
    "netwerk",
    "wijk",
    "buurt",
    "jeugd",
    "ouder",
    "team",
    "project",
    "kwaliteits",
    "arbeids",
    "opleidings",
    "begeleidings",
    "overgangs",
    "bedrijfs",
    "sector",
    "branche",
    "vak",
    "beroeps",
    "uitstroom",
    "instroom",
    "doorstroom",
    "contact",
    "planning",
    "evaluatie",
    "intake",
    "rooster",
    "budget",
    "subsidie",
    "mentor",
    "coach",
    "docent",
    "leerling",
    "klas",
    "groep",
    "les",
    "toets",
    "examen",
    "certificaat",
    "diploma",
    "markt",
    "vraag",
    "aanbod",
    "kennis",
    "ervarings",
    "ontwikkel",
    "samenwerkings",
    "voortgangs",
    "signalerings",
    "verwijs",
    "aanmeld",
    "plaatsings",
    "match",
    "informatie",
    "communicatie",
    "vervoer",
    "reis",
    "financierings",
    "verantwoordings",
    "registratie",
    "monitor",
    "data",
    "beleids",
    "bestuurs",
    "directie",
    "stuur",
    "kern",
    "basis",
    "maatwerk",
    "route",
    "fase",
    "periode",
    "jaar",
    "kwartaal",
    "week",
    "dag",
    "avond",
    "zomer",
    "najaars",
    "voorjaars",
    "campus",
    "locatie",
    "gebouw",
    "sport",
    "cultuur",
    "gezondheids",
    "welzijns",
    "veiligheids",
    "burger",
    "provincie",
    "stads",
    "dorps",
    "haven",
    "industrie",
    "techniek",
    "logistiek",
    "horeca",
    "retail",
    "groen",
    "bouw",
    "metaal",
    "schoonmaak",
]
COMPOUND_HEADS = {  # the head of a Dutch compound decides its article
    "de": [
        "aanpak",
        "afspraak",
        "agenda",
        "analyse",
        "bijeenkomst",
        "brochure",
        "cyclus",
        "checklist",
        "doelstelling",
        "folder",
        "kaart",
        "lijst",
        "methode",
        "notitie",
        "ronde",
        "scan",
        "sessie",
        "tafel",
        "training",
        "procedure",
        "regeling",
        "rapportage",
        "overeenkomst",
        "matrix",
        "module",
        "norm",
        "paragraaf",
        "meting",
        "cursus",
        "middag",
        "coördinator",
        "adviseur",
        "begroting",
        "opdracht",
        "map",
        "balans",
        "bundel",
        "kalender",
        "leidraad",
        "werkgroep",
    ],
    "het": [
        "plan",
        "gesprek",
        "dossier",
        "overleg",
        "traject",
        "verslag",
        "profiel",
        "formulier",
        "protocol",
        "model",
        "kader",
        "programma",
        "schema",
        "handboek",
        "instrument",
        "overzicht",
        "advies",
        "moment",
        "portfolio",
        "platform",
        "loket",
        "punt",
        "beleid",
        "systeem",
        "spreekuur",
        "draaiboek",
        "logboek",
        "convenant",
        "document",
        "fonds",
        "onderzoek",
        "budget",
    ],
}
VOWELS = "aeiouy"
# Zipf-Mandelbrot offset: with plain 1/rank weights the top compound would be on nearly every
# page; from rank 40 on the curve keeps the most common one in about a fifth of the articles.
ZIPF_RANK_OFFSET = 40
FILLER_VERBS = [
    "ondersteunt",
    "beschrijft",
    "regelt",
    "bepaalt",
    "verbetert",
    "vervangt",
    "versterkt",
    "vereenvoudigt",
    "bundelt",
    "koppelt",
    "toetst",
    "ordent",
    "verduidelijkt",
    "opent",
    "verbindt",
    "beïnvloedt",
    "verandert",
    "verlengt",
    "verkort",
    "structureert",
    "begrenst",
    "onderbouwt",
    "bevat",
    "volgt",
    "voedt",
    "raakt",
    "steunt",
    "benoemt",
    "noemt",
    "verantwoordt",
    "stuurt",
    "omvat",
    "beschermt",
    "stimuleert",
    "verrijkt",
    "verklaart",
    "actualiseert",
    "vormt",
    "kent",
    "verzamelt",
    "bewaakt",
    "borgt",
    "belicht",
    "bespreekt",
    "beoordeelt",
    "bekijkt",
    "herziet",
    "herschrijft",
    "vernieuwt",
    "verfijnt",
    "verdiept",
    "verbreedt",
    "verspreidt",
    "verwerkt",
    "vraagt",
    "controleert",
    "coördineert",
    "documenteert",
    "faciliteert",
    "formuleert",
    "inventariseert",
    "motiveert",
    "plant",
    "publiceert",
    "signaleert",
    "toont",
    "wijzigt",
    "bevordert",
    "benut",
    "betreft",
    "bereikt",
    "combineert",
    "compenseert",
    "concretiseert",
    "definieert",
    "deelt",
    "draagt",
    "dekt",
    "ontlast",
    "ontsluit",
    "ontwerpt",
    "ontvangt",
    "onderzoekt",
    "onderscheidt",
    "overstijgt",
    "overziet",
    "presenteert",
    "registreert",
    "schetst",
    "selecteert",
    "telt",
    "typeert",
    "verankert",
    "vergelijkt",
    "verheldert",
    "verlicht",
    "vermeldt",
    "verschuift",
    "versnelt",
    "verstrekt",
    "vertaalt",
    "vertraagt",
    "voorkomt",
    "waarborgt",
    "weegt",
]
FILLER_OPENINGS = [
    "Daarnaast",
    "Ook",
    "Vervolgens",
    "In de praktijk",
    "Sinds kort",
    "Na de zomer",
    "In veel gevallen",
    "Tijdens de looptijd",
    "Op termijn",
    "Volgens de afspraken",
    "Bovendien",
    "Per kwartaal",
    "Aanvankelijk",
    "Waar nodig",
    "Uiteindelijk",
    "Tegelijk",
    "Intussen",
    "Daarom",
    "Bij twijfel",
    "Meestal",
    "Soms",
    "Vaak",
    "Eerst",
    "Daarna",
    "Tot slot",
    "Verder",
    "Inmiddels",
    "Voortaan",
    "Zo",
    "Dan",
    "Hierbij",
    "Daarbij",
    "Evengoed",
    "Achteraf",
    "Vooraf",
    "Bij de start",
    "Aan het eind",
    "Na een maand",
    "In het najaar",
    "In het voorjaar",
]
FILLER_PREPOSITIONS = [
    "binnen",
    "bij",
    "voor",
    "tijdens",
    "na",
    "naast",
    "volgens",
    "rond",
    "via",
    "zonder",
    "onder",
    "rondom",
    "vanuit",
    "richting",
    "ondanks",
    "dankzij",
    "tegenover",
    "namens",
    "omtrent",
    "inzake",
    "langs",
    "boven",
]
FILLER_CONJUNCTIONS = [
    "zodat",
    "omdat",
    "terwijl",
    "nadat",
    "waardoor",
    "voordat",
    "zodra",
    "hoewel",
    "wanneer",
    "doordat",
    "zolang",
    "totdat",
    "aangezien",
    "indien",
]
SECTION_HEADINGS = [
    "Aanpak",
    "Achtergrond",
    "Werkwijze",
    "Resultaten",
    "Ervaringen",
    "Meer weten",
    "Wat levert het op?",
    "Hoe werkt het?",
    "Voor wie?",
    "Aan de slag",
    "Tips",
    "Vervolg",
    "Kosten",
    "Planning",
    "Betrokken partijen",
    "Lessen",
]
SCHOOL_TYPE_NAMES = {"pro": "het praktijkonderwijs", "vso": "het voortgezet speciaal onderwijs"}
BODY_WORDS = (120, 300)


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


def dense_articles(count, seed):
    """Every article built from the same few phrases, so common words are on almost every page."""
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


def plain_text(html):
    return unescape(re.sub(r"<[^>]+>", " ", html))


def split_sentences(text):
    return [part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", text.strip()) if part]


def body_sentences(html):
    """The sentences of the paragraphs and list items, still as HTML."""
    blocks = re.findall(r"<(p|li)>(.*?)</\1>", html, flags=re.DOTALL)
    return [sentence for _, block in blocks for sentence in split_sentences(block)]


def read_source_articles():
    """The published hand-written articles, each with its body split into sentences."""
    with open(SOURCE_ARTICLES, encoding="utf-8") as handle:
        articles = [json.loads(line) for line in handle if line.strip()]
    return [
        {**article, "sentences": body_sentences(article["body_html"])}
        for article in articles
        if article["live"]
    ]


def words(text):
    return re.findall(r"\w+", plain_text(text).lower())


def source_vocabulary(sources):
    return {
        word
        for source in sources
        for word in words(" ".join([source["title"], source["intro"], source["body_html"]]))
    }


class CompoundVocabulary:
    """Thousands of Dutch compounds (`werk` + `plan`), drawn with Zipf-like frequencies."""

    def __init__(self, rng, excluded_words):
        words = [
            (article, first + head)
            for article, heads in COMPOUND_HEADS.items()
            for head in heads
            for first in COMPOUND_FIRST_PARTS
            if self.joins_without_hyphen(first, head) and first + head not in excluded_words
        ]
        rng.shuffle(words)
        self.words = words
        self.cumulative_weights = list(
            accumulate(1 / (rank + ZIPF_RANK_OFFSET) for rank in range(1, len(words) + 1))
        )

    @staticmethod
    def joins_without_hyphen(first, head):
        # Two vowels at the seam take a hyphen in Dutch, and search would index both halves.
        return first != head and not (first[-1] in VOWELS and head[0] in VOWELS)

    def noun_phrase(self, rng):
        article, word = rng.choices(self.words, cum_weights=self.cumulative_weights)[0]
        return f"{article} {word}"


class FillerWriter:
    """Neutral sentences around compounds: Dutch word order, no query word."""

    def __init__(self, rng, vocabulary):
        self.rng = rng
        self.vocabulary = vocabulary

    def noun_phrase(self):
        return self.vocabulary.noun_phrase(self.rng)

    def sentence(self, place):
        rng = self.rng
        verb, subject, target = rng.choice(FILLER_VERBS), self.noun_phrase(), self.noun_phrase()
        if rng.random() < 0.35:
            clause = f"{rng.choice(FILLER_OPENINGS)} {verb} {subject} {target}"
        else:
            clause = f"{subject[0].upper()}{subject[1:]} {verb} {target}"
        if rng.random() < 0.35:
            clause += f" in {place}" if place and rng.random() < 0.3 else self.adjunct()
        if rng.random() < 0.2:
            clause += f", {self.subordinate_clause()}"
        return clause + "."

    def adjunct(self):
        return f" {self.rng.choice(FILLER_PREPOSITIONS)} {self.noun_phrase()}"

    def subordinate_clause(self):
        rng = self.rng
        conjunction = rng.choice(FILLER_CONJUNCTIONS)
        return f"{conjunction} {self.noun_phrase()} {self.noun_phrase()} {rng.choice(FILLER_VERBS)}"


class RealisticArticles:
    """Articles anchored on a hand-written source: its themes, kind, title and sentences, with
    sentences of other sources on the same theme and filler text up to a realistic length."""

    def __init__(self, rng):
        self.rng = rng
        self.sources = read_source_articles()
        self.region_names = read_regions()
        self.region_codes = sorted(self.region_names)
        self.theme_codes = read_codes(THEMES_CSV, "code")
        vocabulary = CompoundVocabulary(rng, excluded_words=source_vocabulary(self.sources))
        self.filler = FillerWriter(rng, vocabulary)
        self.related = {  # (source slug, theme) → the sentences of the other sources on it
            (anchor["slug"], theme): [
                sentence
                for source in self.sources
                if theme in source["themes"] and source["slug"] != anchor["slug"]
                for sentence in source["sentences"]
            ]
            for anchor in self.sources
            for theme in self.theme_codes
        }

    def article(self, number):
        rng = self.rng
        anchor = rng.choice(self.sources)
        kind = anchor["kind"] if rng.random() < 0.85 else rng.choice(KINDS)
        themes = self.themes(anchor)
        article_regions = pick_regions(rng, self.region_codes)
        published = FIRST_DAY + datetime.timedelta(days=rng.randrange(DAYS))
        place = self.region_names[article_regions[0]] if article_regions else None
        school_types = rng.choice(SCHOOL_TYPES)
        return {
            "slug": f"artikel-{number:06d}",
            "title": self.title(anchor, kind, place, published.year),
            "intro": anchor["intro"],
            "body_html": self.body_html(anchor, themes, place, school_types),
            "kind": kind,
            "themes": themes,
            "regions": article_regions,
            "school_types": school_types,
            "published": published.isoformat(),
            "live": rng.random() >= 0.05,
        }

    def themes(self, anchor):
        themes = set(anchor["themes"])
        if self.rng.random() < 0.15:
            themes.add(self.rng.choice(self.theme_codes))
        return sorted(themes)

    def title(self, anchor, kind, place, year):
        roll = self.rng.random()
        if roll < 0.35:
            return anchor["title"]
        if roll < 0.7:
            opening = self.rng.choice(TITLE_OPENINGS[kind])
            return f"{opening.format(place=place or 'het land', year=year)} {anchor['title']}"
        return f"{anchor['title']} ({place or year})"

    def body_html(self, anchor, themes, place, school_types):
        rng = self.rng
        anchor_sentences = [sentence for sentence in anchor["sentences"] if rng.random() < 0.75]
        anchor_sentences = anchor_sentences or anchor["sentences"][:1]
        if rng.random() < 0.1:
            names = " en ".join(SCHOOL_TYPE_NAMES[code] for code in school_types)
            anchor_sentences.append(f"Bedoeld voor scholen in {names}.")
        further = [self.related_sentence(anchor, themes)]
        length = len(words(" ".join(anchor_sentences + further)))
        target = rng.randint(*BODY_WORDS)
        while length < target:
            further.append(self.filler.sentence(place))
            length += len(words(further[-1]))
        rng.shuffle(further)
        parts = [f"<p>{' '.join(anchor_sentences)}</p>", *self.sections(further)]
        if rng.random() < 0.25:
            parts.append(f"<p>Lees ook over {rng.choice(TOPICS)}.</p>")
        return "".join(parts)

    def related_sentence(self, anchor, themes):
        """A sentence of another source on one of the article's themes (one sentence, not more:
        the sources are dense in the common words, and more of them would make those too common)."""
        theme = self.rng.choice(themes)
        return self.rng.choice(self.related[anchor["slug"], theme])

    def sections(self, sentences):
        """Paragraphs of two to five sentences; sometimes a heading, sometimes a list."""
        rng = self.rng
        headings = rng.sample(SECTION_HEADINGS, len(SECTION_HEADINGS))
        parts, index = [], 0
        while index < len(sentences):
            size = rng.randint(2, 5)
            chunk, index = sentences[index : index + size], index + size
            if headings and rng.random() < 0.2:
                parts.append(f"<h2>{headings.pop()}</h2>")
            if rng.random() < 0.15:
                parts.append("<ul>" + "".join(f"<li>{sentence}</li>" for sentence in chunk) + "</ul>")
            else:
                parts.append(f"<p>{' '.join(chunk)}</p>")
        return parts


def realistic_articles(count, seed):
    rng = random.Random(seed)
    corpus = RealisticArticles(rng)
    for number in range(1, count + 1):
        yield corpus.article(number)


STYLES = {"realistic": realistic_articles, "dense": dense_articles}


def generate_articles(count, seed=2026, style="realistic"):
    """An iterator of `count` article dicts; deterministic for a given count, seed and style; the
    first N articles of a larger count are the N-article corpus."""
    return STYLES[style](count, seed)


def write_corpus(count, handle, seed=2026, style="realistic"):
    for article in generate_articles(count, seed, style):
        handle.write(json.dumps(article, ensure_ascii=False) + "\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="number of articles")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument(
        "--style",
        choices=STYLES,
        default="realistic",
        help="realistic (the default) or dense, the small-vocabulary worst case",
    )
    args = parser.parse_args()
    write_corpus(args.count, sys.stdout, args.seed, args.style)


if __name__ == "__main__":
    main()
