"""Helpers for the school tests: the DUO fixture files and schools made by hand."""

import io
from itertools import count
from pathlib import Path

from django.core.management import call_command

from regions.models import Municipality, School

FIXTURES = Path(__file__).parent / "fixtures"
_numbers = count(10)


def fixture(name):
    return str(FIXTURES / name)


def import_schools(name, *options):
    """Run `import_schools` on a fixture file; returns its report as text."""
    out = io.StringIO()
    call_command("import_schools", fixture(name), *options, stdout=out)
    return out.getvalue()


def make_schools(region_code, pro=0, vso=0, active=True):
    """Schools in a municipality of the region, with fresh vestigingsnummers."""
    municipality = Municipality.objects.filter(region__code=region_code).first()
    schools = []
    for school_type, number in (("pro", pro), ("vso", vso)):
        for _ in range(number):
            serial = next(_numbers)
            brin = f"{serial % 100:02d}ZZ"
            schools.append(School.objects.create(
                brin=brin, location_number=f"{brin}{serial // 100:02d}",
                name=f"Testschool {serial}", school_type=school_type, municipality=municipality,
                place=municipality.name, active=active,
            ))
    return schools
