"""An export of collective.exportimport (Plone 4–6): a JSON list of items with absolute @ids, blobs
inline as base64, rich text with resolveuid links, and its side files (default pages, ordering,
redirects); or the same items one N.json file each in a folder."""

import json
import shutil

import pytest
from wagtail.contrib.redirects.models import Redirect

from knowledge.calendar import calendar_event
from knowledge.models import ContentPage, EventPage

from .conftest import EXPORTS, SITE_ROOT, imported, plone_item, relative_url

pytestmark = pytest.mark.django_db

COLLECTIVE = EXPORTS / "collective"
KENNISBANK, INDEX, STAGE, LOGO, GIDS, AGENDA, NEWS, LINK, COLLECTION, EXTERNAL = (
    f"ee0000000000000000000000000000{number:02d}" for number in range(1, 11)
)


def item(uid):
    return imported(uid, export="Plone")


def test_a_json_list_export_with_its_side_files(import_plone):
    output = import_plone(COLLECTIVE / "Plone.json")

    kennisbank = item(KENNISBANK)
    assert kennisbank.get_parent().specific == item(SITE_ROOT)
    assert (kennisbank.intro, list(kennisbank.tags.names())) == ("Alles wat we weten.", ["kennis"])
    # Its default page (export_defaultpages.json) is its text, with the link to the guide rewritten.
    assert plone_item(INDEX, "Plone").page_id == kennisbank.pk
    assert (
        kennisbank.body[0].value.source
        == f'<p>Start hier. Lees de <a id="{item(STAGE).pk}" linktype="page">stagegids</a>.</p>'
    )
    # Positions from export_ordering.json.
    assert [page.slug for page in kennisbank.get_children()] == ["stage", "agenda", "nieuw"]
    assert not item(NEWS).live  # private
    assert "Collection: 0 nieuw, 0 bijgewerkt, 0 ongewijzigd, 1 overgeslagen" in output
    assert "een collectie (zoekopdracht) heeft hier geen tegenhanger" in output


def test_html_text_becomes_blocks_with_links_images_and_tables(import_plone):
    output = import_plone(COLLECTIVE / "Plone.json")

    stage = item(STAGE)
    blocks = [(block.block_type, block.value) for block in stage.body]
    assert [kind for kind, _value in blocks] == [
        "heading",
        "paragraph",
        "image",
        "table",
        "quote",
        "paragraph",
    ]
    guide = plone_item(GIDS, "Plone").document
    assert blocks[1][1].source == (
        f'<p>Lees eerst de <a id="{guide.pk}" linktype="document">handreiking</a> en bekijk de '
        f'<a id="{item(AGENDA).pk}" linktype="page">agenda</a>.</p>'
    )
    logo = plone_item(LOGO, "Plone").image
    assert blocks[2][1]["image"] == logo and blocks[2][1]["alt_text"] == "Logo"
    table = blocks[3][1]
    assert [column["heading"] for column in table.columns] == ["Week", "Taak"]
    assert [cell.value.source for cell in next(table.rows)] == ["1", "<b>Kennismaken</b>"]
    assert blocks[4][1]["text"] == "Elke leerling een plek."
    assert "alert" not in str(stage.body.raw_data)  # the script went, and that is reported
    assert "HTML opgeschoond (niet toegestane opmaak verwijderd): /kennisbank/stage" in output
    gone = "resolveuid/ffffffffffffffffffffffffffffffff"
    assert f"/kennisbank/stage: {gone} leidt naar iets dat niet is geïmporteerd" in output
    with logo.file.open() as file:
        assert file.read()[:8] == b"\x89PNG\r\n\x1a\n"  # decoded from base64
    assert list(stage.tags.names()) == ["begeleiding", "stage"]


def test_events_keep_their_time_place_and_contact(import_plone):
    import_plone(COLLECTIVE / "Plone.json")

    event = item(AGENDA)
    assert isinstance(event, EventPage) and event.whole_day
    assert (event.location, event.contact_name, event.contact_email, event.contact_phone) == (
        "Utrecht",
        "Piet de Vries",
        "piet@example.nl",
        "030 123 45 67",
    )
    entry = calendar_event(event, "example.nl", "https://example.nl/agenda/").to_ical().decode()
    assert "DTSTART;VALUE=DATE:20250612" in entry and "DTEND;VALUE=DATE:20250613" in entry


def test_links_and_redirects_of_the_old_site(import_plone, client):
    output = import_plone(COLLECTIVE / "Plone.json")

    guide = plone_item(GIDS, "Plone").document
    expected = {
        "/kennisbank/naar-de-gids": guide.url,  # a Link to the guide
        "/kennisbank/extern": "https://www.rijksoverheid.nl/",
        "/oude-kennisbank/stage": item(STAGE).url,  # export_redirects.json, without "/Plone"
        "/kennisbank/index": item(KENNISBANK).url,
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    assert "/weg → /bestaat-niet (redirects): het doel is niet geïmporteerd" in output
    assert not Redirect.objects.filter(old_path="/weg").exists()


def test_the_same_items_one_file_each_in_a_folder(import_plone, tmp_path):
    folder = tmp_path / "Plone"
    folder.mkdir()
    for number, data in enumerate(json.loads((COLLECTIVE / "Plone.json").read_text()), start=1):
        (folder / f"{number}.json").write_text(json.dumps(data))
    for side_file in COLLECTIVE.glob("export_*.json"):
        shutil.copy(side_file, tmp_path)

    import_plone(folder)

    section = item(SITE_ROOT)
    assert sorted(relative_url(page, section) for page in section.get_descendants()) == [
        "kennisbank/",
        "kennisbank/agenda/",
        "kennisbank/nieuw/",
        "kennisbank/stage/",
    ]
    assert ContentPage.objects.get(pk=item(KENNISBANK).pk).body[0].block_type == "paragraph"
