"""Import of pro and vso schools from DUO's open-data "vestigingen" CSV files.

Two files qualify: the VO locations (praktijkonderwijs has `PRO` in ONDERWIJSSTRUCTUUR) and the
(v)so locations (vso is marked in a school-type column, COLUMNS["special_type"]). Header
spellings vary between DUO files and years, so a column name is compared without spaces, hyphens
and case (`VESTIGINGS NUMMER` = `VESTIGINGSNUMMER`). A school's region follows from
GEMEENTENUMMER through the municipality table, never from DUO's RPA-gebied.

Each line is read as UTF-8 (with or without BOM); a line that is not valid UTF-8 is read as
Windows-1252 (DUO's older files, or one pasted line) and reported, so it garbles no other line.

A file that is not a CSV text file or lacks a required column is refused before anything is read
into the database. Otherwise every row is checked; rows with errors, rows of an unknown
municipality and rows that are neither pro nor vso are reported and left out, the rest is saved
in one transaction. Schools are keyed by vestigingsnummer, so a re-import changes nothing.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from core.page_cache import purge_site
from regions.models import Municipality, School, SchoolType

# Each field and the DUO column names it is read from, first match wins (names normalised).
COLUMNS = {
    "brin": ["BRINNUMMER", "BRIN", "INSTELLINGSCODE"],
    "location_number": ["VESTIGINGSNUMMER", "VESTIGINGSCODE"],
    "location_name": ["VESTIGINGSNAAM"],
    "institution_name": ["INSTELLINGSNAAM", "NAAM"],
    "street": ["STRAATNAAM"],
    "house_number": ["HUISNUMMERTOEVOEGING", "HUISNUMMER"],
    "postcode": ["POSTCODE"],
    "place": ["PLAATSNAAM"],
    "municipality_number": ["GEMEENTENUMMER"],
    "phone": ["TELEFOONNUMMER"],
    "website": ["INTERNETADRES"],
    "structure": ["ONDERWIJSSTRUCTUUR"],
    "special_type": ["SOORTPRIMAIRONDERWIJS", "ONDERWIJSSOORT", "SOORTONDERWIJS"],
}
# The fields every file must have a column for; a name comes from one of the two name columns
# and the school type from one of the two type columns.
REQUIRED = ["brin", "municipality_number"]
ONE_OF = [("location_name", "institution_name"), ("structure", "special_type")]

BRIN_PATTERN = re.compile(r"^[0-9]{2}[A-Z]{2}$")
LOCATION_PATTERN = re.compile(r"^[0-9]{2}[A-Z]{2}[0-9]{2}$")
MAX_LENGTHS = {
    name: School._meta.get_field(name).max_length
    for name in ("name", "address", "postcode", "place", "website", "phone")
}
SCHOOL_FIELDS = [
    "brin",
    "name",
    "school_type",
    "address",
    "postcode",
    "place",
    "municipality",
    "website",
    "phone",
]


class FileRefused(Exception):
    """The file as a whole cannot be imported; nothing was changed."""


@dataclass
class ImportReport:
    read: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    unmapped: list = field(default_factory=list)  # (vestigingsnummer, gemeentenummer)
    errors: list = field(default_factory=list)  # (line number, message)
    windows_1252_lines: list = field(default_factory=list)  # line numbers
    dry_run: bool = False


def normalise_header(name):
    return re.sub(r"[^A-Z0-9]", "", name.upper())


def decode(data):
    """The text of a DUO file, and the numbers of the lines that were not UTF-8 and were read as
    Windows-1252."""
    if b"\x00" in data[:4096]:
        raise FileRefused(_("Dit is geen CSV-tekstbestand."))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        pass
    # Line by line, split as the CSV reader counts lines (\r\n, \n or \r).
    lines, windows_1252 = [], []
    for number, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            lines.append(line.decode("utf-8"))
            continue
        except UnicodeDecodeError:
            pass
        try:
            lines.append(line.decode("cp1252"))
        except UnicodeDecodeError as error:
            raise FileRefused(
                _("Dit is geen tekst in UTF-8 of Windows-1252 (regel %(line)d, byte %(position)d).")
                % {"line": number, "position": error.start + 1}
            ) from error
        windows_1252.append(number)
    return "".join(lines), windows_1252


def column_map(header):
    """Field name → column index, or a FileRefused naming what is missing."""
    positions = {}
    normalised = [normalise_header(name) for name in header]
    for field_name, candidates in COLUMNS.items():
        for candidate in candidates:
            if candidate in normalised:
                positions[field_name] = normalised.index(candidate)
                break
    missing = [COLUMNS[name][0] for name in REQUIRED if name not in positions]
    missing += [
        " / ".join(COLUMNS[first][0] for first in group)
        for group in ONE_OF
        if not any(name in positions for name in group)
    ]
    if missing:
        raise FileRefused(
            _("Dit is geen DUO-vestigingenbestand: de kolom(men) %(columns)s ontbreken.")
            % {"columns": ", ".join(missing)}
        )
    return positions


def school_type_of(values):
    """`pro`, `vso`, or None for any other school."""
    structure = values.get("structure", "").upper()
    if "PRO" in re.split(r"[^A-Z]+", structure):
        return SchoolType.PRO
    special = values.get("special_type", "").upper().replace(" ", "")
    if "VSO" in special or "(V)SO" in special:
        return SchoolType.VSO
    return None


def normalise_website(address):
    """DUO writes `www.school.nl`; a link needs a scheme."""
    if address and not re.match(r"^https?://", address, re.IGNORECASE):
        address = f"https://{address}"
    return address


SMALL_WORDS = {"aan", "bij", "de", "den", "der", "en", "in", "op", "van"}


def place_name(place):
    """DUO writes place names in capitals: `BERGEN OP ZOOM` → `Bergen op Zoom`."""
    if not place.isupper():
        return place
    words = place.title().replace("'S-", "'s-").split(" ")
    return " ".join(
        word.lower() if position and word.lower() in SMALL_WORDS else word
        for position, word in enumerate(words)
    )


class SchoolImporter:
    def __init__(self):
        self.municipalities = {m.number: m for m in Municipality.objects.all()}
        self.url_validator = URLValidator()

    def run(self, data, dry_run=False):
        """Import the bytes of one DUO file; raises FileRefused when the file is not one."""
        rows, positions, width, windows_1252 = self.parse(data)
        report = ImportReport(dry_run=dry_run, windows_1252_lines=windows_1252)
        schools = {}
        seen = {}
        for line_number, cells in rows:
            report.read += 1
            if len(cells) != width:
                report.errors.append(
                    (
                        line_number,
                        _("%(cells)d velden, de kopregel heeft er %(width)d")
                        % {"cells": len(cells), "width": width},
                    )
                )
                continue
            values = {name: cells[index].strip() for name, index in positions.items()}
            school_type = school_type_of(values)
            if school_type is None:
                report.skipped += 1
                continue
            fields, error = self.school_fields(values, school_type)
            if error is None and fields["location_number"] in seen:
                error = _("vestigingsnummer %(number)s staat ook op regel %(line)d") % {
                    "number": fields["location_number"],
                    "line": seen[fields["location_number"]],
                }
            if error is not None:
                report.errors.append((line_number, error))
                continue
            seen[fields["location_number"]] = line_number
            municipality = fields.pop("municipality")
            if municipality is None:
                report.unmapped.append((fields["location_number"], fields["municipality_number"]))
                continue
            fields["municipality_id"] = municipality.pk
            del fields["municipality_number"]
            schools[fields.pop("location_number")] = fields
        with transaction.atomic():
            self.save(schools, report)
            if dry_run:
                transaction.set_rollback(True)
            elif report.created or report.updated:
                purge_site()  # region pages and the national overview list the schools
        return report

    def parse(self, data):
        text, windows_1252 = decode(data)
        first_line = text.split("\n", 1)[0]
        delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
        try:
            header = next(reader, None)
            if not header:
                raise FileRefused(_("Het bestand is leeg."))
            positions = column_map(header)
            rows = []
            for cells in reader:
                if any(cell.strip() for cell in cells):
                    rows.append((reader.line_num, cells))
        except csv.Error as error:
            raise FileRefused(
                _("Dit is geen geldig CSV-bestand (regel %(line)d: %(error)s).")
                % {"line": reader.line_num, "error": error}
            ) from error
        return rows, positions, len(header), windows_1252

    def school_fields(self, values, school_type):
        """The School fields of one row, or an error message explaining why the row is unusable."""
        brin = values["brin"].upper()
        location_number = values.get("location_number", "").upper()
        if len(location_number) in (1, 2) and location_number.isdecimal():
            location_number = f"{brin}{int(location_number):02d}"
        elif not location_number:
            location_number = f"{brin}00"  # DUO's main-location files leave the number out
        name = values.get("location_name") or values.get("institution_name", "")
        municipality_number = values["municipality_number"]
        if municipality_number.isdecimal():
            municipality_number = municipality_number.zfill(4)
        website = normalise_website(values.get("website", ""))

        if not BRIN_PATTERN.match(brin):
            return None, _("ongeldig BRIN-nummer %(value)r") % {"value": values["brin"]}
        if not LOCATION_PATTERN.match(location_number) or not location_number.startswith(brin):
            return None, _("ongeldig vestigingsnummer %(value)r") % {
                "value": values.get("location_number", "")
            }
        if not name:
            return None, _("naam ontbreekt")
        if not re.match(r"^[0-9]{4}$", municipality_number):
            return None, _("ongeldig gemeentenummer %(value)r") % {"value": municipality_number}
        if website:
            try:
                self.url_validator(website)
            except ValidationError:
                return None, _("ongeldig internetadres %(value)r") % {"value": values["website"]}
        street = (values.get("street"), values.get("house_number"))
        address = " ".join(part for part in street if part)
        fields = {
            "location_number": location_number,
            "brin": brin,
            "name": name,
            "school_type": school_type,
            "address": address,
            "postcode": values.get("postcode", "").upper(),
            "place": place_name(values.get("place", "")),
            "municipality": self.municipalities.get(municipality_number),
            "municipality_number": municipality_number,
            "website": website,
            "phone": values.get("phone", ""),
        }
        for name, max_length in MAX_LENGTHS.items():
            if len(fields[name]) > max_length:
                return None, _("%(field)s is langer dan %(max)d tekens") % {
                    "field": School._meta.get_field(name).verbose_name,
                    "max": max_length,
                }
        return fields, None

    @staticmethod
    def save(schools, report):
        existing = School.objects.in_bulk(list(schools), field_name="location_number")
        new, changed = [], []
        for location_number, fields in schools.items():
            school = existing.get(location_number)
            if school is None:
                new.append(School(location_number=location_number, **fields))
            elif any(getattr(school, name) != value for name, value in fields.items()):
                for name, value in fields.items():
                    setattr(school, name, value)
                changed.append(school)
            else:
                report.unchanged += 1
        School.objects.bulk_create(new)
        School.objects.bulk_update(changed, SCHOOL_FIELDS)
        report.created, report.updated = len(new), len(changed)
