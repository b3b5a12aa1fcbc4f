"""Bad exports: refused with the file and the reason when they cannot be read (nothing imported),
reported and skipped when one item cannot be."""

import json

import pytest
from django.core.management import CommandError
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from knowledge.models import ContentPage, PloneItem

from .conftest import BASE_IMPORT, EXPORTS, SITE_ROOT, imported

pytestmark = pytest.mark.django_db

FOO = "e7359727ace64e609b79c4091c38822a"
FOO_BAR = "35661c9bb5be42c68f665aa1ed291418"
PDF = "3e0dd7c4b2714eafa1d6fc6a1493f953"


def nothing_imported(pages_before, images_before):
    return (
        not PloneItem.objects.exists()
        and Page.objects.count() == pages_before
        and get_image_model().objects.count() == images_before
    )


def test_a_folder_without_the_export_index_is_refused(import_plone, tmp_path):
    (tmp_path / "export").mkdir()
    (tmp_path / "export" / "notities.txt").write_text("geen export")

    with pytest.raises(
        CommandError, match=r"content/__metadata__\.json: ontbreekt.*Er is niets geïmporteerd"
    ):
        import_plone(tmp_path / "export")
    assert not PloneItem.objects.exists()


def test_broken_json_refuses_the_whole_import(import_plone, export_copy):
    export = export_copy("base_import")
    # Read after the site root, both folders with their images and the news item were imported.
    (export / "content" / FOO / "data.json").write_text('{"@id": "/foo", "title": ')
    pages, images = Page.objects.count(), get_image_model().objects.count()

    with pytest.raises(CommandError) as refused:
        import_plone(export)

    assert f"content/{FOO}/data.json: geen geldige JSON" in str(refused.value)
    assert nothing_imported(pages, images)


def test_a_broken_collective_json_list_is_refused(import_plone, tmp_path):
    (tmp_path / "Plone.json").write_text(
        '[{"@id": "http://localhost:8080/Plone/a", "@type": "Folder"}, {"@id": '
    )
    pages, images = Page.objects.count(), get_image_model().objects.count()

    with pytest.raises(CommandError, match=r"Plone\.json: geen geldige JSON"):
        import_plone(tmp_path / "Plone.json")
    assert nothing_imported(pages, images)


def test_a_missing_blob_is_reported_and_its_item_skipped(import_plone, export_copy):
    export = export_copy("base_import")
    (export / "content" / PDF / "file" / "plone.pdf").unlink()
    documents = get_document_model().objects.count()

    output = import_plone(export)

    assert (
        f"Overgeslagen: content/{PDF}/data.json: bestand ontbreekt: {PDF}/file/plone.pdf ontbreekt" in output
    )
    assert "File: 0 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen" in output
    assert get_document_model().objects.count() == documents
    assert imported(FOO).title == "Foo"  # the rest is there


def test_items_of_unknown_types_are_reported_and_skipped(import_plone, export_copy):
    export = export_copy("base_import")
    data_file = export / "content" / FOO / "data.json"
    data = json.loads(data_file.read_text())
    del data["@type"]
    data_file.write_text(json.dumps(data))

    output = import_plone(export)

    assert f"Overgeslagen: content/{FOO}/data.json: onbekend type: het item heeft geen @type" in output
    assert not ContentPage.objects.filter(title="Foo", live=False).exists()
    # What lay in it is kept, in the section, and reported.
    assert imported(FOO_BAR).get_parent().specific == imported(SITE_ROOT)
    assert f"content/{FOO_BAR}/data.json: de map /foo is niet geïmporteerd; onder de sectie gezet" in output
    volto = import_plone(EXPORTS / "volto")
    assert "onbekend type 'FormField' zonder tekst of inhoud" in volto


@pytest.mark.parametrize(
    "parent, message",
    [("/bestaat-niet/", "Er is geen pagina op /bestaat-niet/"), ("/nieuws/", "kunnen geen pagina's")],
)
def test_the_parent_must_exist_and_take_pages(import_plone, parent, message):
    with pytest.raises(CommandError, match=message):
        import_plone(BASE_IMPORT, "--parent", parent)
    assert not PloneItem.objects.exists()
