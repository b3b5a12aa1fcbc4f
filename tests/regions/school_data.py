"""Helpers for the school tests: the DUO fixture files and schools made by a factory."""

import io
from pathlib import Path

from django.core.management import call_command

from .factories import SchoolFactory

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name):
    return str(FIXTURES / name)


def import_schools(name, *options):
    """Run `import_schools` on a fixture file; returns its report as text."""
    out = io.StringIO()
    call_command("import_schools", fixture(name), *options, stdout=out)
    return out.getvalue()


def make_schools(region_code, pro=0, vso=0, active=True):
    """Schools in a municipality of the region, with fresh vestigingsnummers."""
    return [
        school
        for school_type, number in (("pro", pro), ("vso", vso))
        for school in SchoolFactory.create_batch(
            number, region_code=region_code, school_type=school_type, active=active
        )
    ]
