"""A Plone 6 page of Volto blocks: slate text with links, a table, an image and a teaser, as the
site and the content API show it; blocks stored as a JSON string; unknown blocks and add-on types."""

import pytest

from knowledge.models import ContentPage

from .conftest import EXPORTS, imported

pytestmark = pytest.mark.django_db

VOLTO = EXPORTS / "volto"
PHOTO, PLACES, STAGE, TEAM, PERSON, CV = (
    "dd000000000000000000000000000002",
    "dd000000000000000000000000000003",
    "dd000000000000000000000000000004",
    "dd000000000000000000000000000005",
    "dd000000000000000000000000000006",
    "dd000000000000000000000000000008",
)


def page(uid):
    return imported(uid, export="volto")


def test_a_volto_page_on_the_site(import_plone, client):
    import_plone(VOLTO)
    stage, places, team = page(STAGE), page(PLACES), page(TEAM)

    html = client.get(stage.url).content.decode()

    assert f'een <strong>stage</strong> begint bij de <a href="{places.url}">werkplekken</a>' in html.lower()
    assert f'<a href="{team.url}">team</a>' in html
    assert '<a href="https://www.example.org/stage">elders</a>' in html
    assert "<h2" in html and "Wat we bieden</h2>" in html
    assert "<li>begeleiding</li>" in html
    assert '<th scope="col">Regio</th>' in html and f'<td><a href="{places.url}">Rijnmond</a></td>' in html
    assert 'alt="De haven"' in html
    assert f'href="{team.url}"' in html and "Ons team" in html  # the teaser


def test_a_volto_page_in_the_content_api(import_plone, client):
    import_plone(VOLTO)
    stage, places = page(STAGE), page(PLACES)

    body = client.get(f"/api/v2/pages/{stage.pk}/").json()["body"]

    types = [block["type"] for block in body]
    assert types == ["paragraph", "heading", "paragraph", "table", "image", "call_to_action"]
    assert f'<a href="{places.url}">werkplekken</a>' in body[0]["value"]
    table = body[3]["value"]
    assert [column["heading"] for column in table["columns"]] == ["Regio", "Plekken"]
    assert table["rows"][0]["values"][1] == "12"
    image = body[4]["value"]["image"]
    assert image["alt"] == "De haven" and image["renditions"]["large"]["url"].endswith(".png")
    assert body[5]["value"]["links"][0]["page"]["id"] == page(TEAM).pk


def test_what_has_no_place_in_the_body_is_reported(import_plone):
    output = import_plone(VOLTO)

    assert "Blok 'listing' niet overgenomen (1×): /stage" in output
    assert "/stage: /bestaat-niet.png leidt naar iets dat niet is geïmporteerd" in output
    # blocks and blocks_layout stored as JSON strings
    assert page(TEAM).body[0].value.source == "<p>Het team, in blokken als JSON-tekst.</p>"


def test_add_on_types_become_general_pages_with_what_lies_in_them(import_plone):
    output = import_plone(VOLTO)

    person = page(PERSON)
    assert isinstance(person, ContentPage) and person.title == "Carla Jansen"
    assert person.intro == "Coördinator"
    assert person.body[0].value.source == "<p>Carla coördineert de regio.</p>"
    assert page(CV).get_parent().specific == person
    assert "Type 'Person' van een add-on als gewone pagina geïmporteerd" in output
