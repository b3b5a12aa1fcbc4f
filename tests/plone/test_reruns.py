"""Importing again: keyed by export and UID, so an unchanged export changes nothing, a changed
item gets a new revision, and two exports that share a UID stay apart. A dry run keeps nothing."""

import json

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from knowledge.models import PloneItem

from .conftest import BASE_IMPORT, SITE_ROOT, imported

pytestmark = pytest.mark.django_db

BAR_FOO = "5d77cd5686184ec49ab077017b1fbc3a"


def counts():
    return [
        model.objects.count()
        for model in (Page, Revision, Redirect, PloneItem, get_image_model(), get_document_model())
    ]


def test_a_second_import_changes_nothing_and_says_so(import_plone):
    import_plone(BASE_IMPORT)
    before = counts()

    output = import_plone(BASE_IMPORT)

    assert counts() == before
    assert "Document: 0 nieuw, 0 bijgewerkt, 4 ongewijzigd, 0 overgeslagen" in output
    assert "Doorverwijzingen (301): 0 nieuw, 0 bijgewerkt, 7 ongewijzigd." in output
    assert "Niets gewijzigd: alles uit deze export was al geïmporteerd." in output


def test_a_changed_item_gets_a_new_revision(import_plone, export_copy):
    export = export_copy("base_import")
    import_plone(export)
    page = imported(BAR_FOO)
    data_file = export / "content" / BAR_FOO / "data.json"
    data = json.loads(data_file.read_text())
    data.update(title="Foo, herschreven", modified="2024-05-01T12:00:00+00:00")
    data_file.write_text(json.dumps(data))

    output = import_plone(export)

    page.refresh_from_db()
    assert page.title == "Foo, herschreven" and page.live
    assert page.revisions.count() == 2
    assert page.latest_revision.created_at.isoformat() == "2024-05-01T12:00:00+00:00"
    assert "Document: 0 nieuw, 1 bijgewerkt, 3 ongewijzigd, 0 overgeslagen" in output
    assert "Niets gewijzigd" not in output


def test_two_exports_sharing_the_site_roots_uid_stay_apart(import_plone):
    import_plone(BASE_IMPORT, "--name", "eerste-site")
    import_plone(BASE_IMPORT, "--name", "tweede-site")

    first, second = imported(SITE_ROOT, "eerste-site"), imported(SITE_ROOT, "tweede-site")
    assert first != second
    assert first.get_descendants().count() == second.get_descendants().count() == 5


def test_a_dry_run_reports_but_keeps_nothing(import_plone):
    before = counts()

    output = import_plone(BASE_IMPORT, "--dry-run")

    assert counts() == before
    assert "Document: 4 nieuw" in output
    assert "Proefdraai: er is niets opgeslagen." in output
