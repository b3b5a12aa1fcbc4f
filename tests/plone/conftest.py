import io
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.models import Page

from knowledge.models import PloneItem

EXPORTS = Path(__file__).parent / "exports"
BASE_IMPORT = EXPORTS / "base_import"  # a real plone.exportimport export (Plone 6, Volto)
SITE_ROOT = "plone_site_root"


@pytest.fixture
def import_plone(db):
    """Runs `manage.py import_plone` and returns what it printed."""

    def run(export, *options):
        out = io.StringIO()
        call_command("import_plone", str(export), *options, stdout=out, stderr=out)
        return out.getvalue()

    return run


@pytest.fixture
def export_copy(tmp_path):
    """A copy of one of the exports here, to change before importing it."""

    def copy(name):
        shutil.copytree(EXPORTS / name, tmp_path / name)
        return tmp_path / name

    return copy


def imported(uid, export="base_import"):
    """The page an item of an export became."""
    return Page.objects.get(pk=PloneItem.objects.get(export=export, uid=uid).page_id).specific


def plone_item(uid, export="base_import"):
    return PloneItem.objects.get(export=export, uid=uid)


def relative_url(page, section):
    return page.url_path.removeprefix(section.url_path)
