"""Helpers for the school tests: the DUO fixture files and schools made by a factory."""

import io
from pathlib import Path

from django.core.management import CommandError, call_command

from .factories import SchoolFactory

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name):
    return str(FIXTURES / name)


def import_schools(name, *options):
    """Run `import_schools` on a fixture file; returns its report as text. A file with bad rows
    ends in a CommandError (exit status 1) after the report: its message ends the text. A
    refused file raises the CommandError."""
    out = io.StringIO()
    try:
        call_command("import_schools", fixture(name), *options, stdout=out)
    except CommandError as error:
        if not out.getvalue():
            raise
        assert error.returncode == 1 and "Fouten: 0" not in out.getvalue()
        return f"{out.getvalue()}{error}\n"
    assert "Fouten: 0" in out.getvalue()
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
