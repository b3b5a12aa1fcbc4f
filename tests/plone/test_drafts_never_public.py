"""What was not published in Plone is a draft here, and no anonymous visitor reaches it: not on
the site, not in the content API, search, sitemap or feeds; files from private folders need a
login."""

import json

import pytest

from .conftest import BASE_IMPORT, EXPORTS, SITE_ROOT, imported, plone_item

pytestmark = pytest.mark.django_db

FOO, BAR, FOO_BAR, BAR_FOO, NEWS = (
    "e7359727ace64e609b79c4091c38822a",
    "70844f7bec1843b8ab2796c972c9ebfe",
    "35661c9bb5be42c68f665aa1ed291418",
    "5d77cd5686184ec49ab077017b1fbc3a",
    "7c1393f615c4447c80db0d784390c5b7",
)
PDF = "3e0dd7c4b2714eafa1d6fc6a1493f953"
PRIVATE_NEWS = "ee000000000000000000000000000007"


@pytest.fixture
def imported_site(import_plone, export_copy):
    export = export_copy("base_import")
    # The PDF moved into the private folder /bar: a file that only signed-in users may read.
    data_file = export / "content" / PDF / "data.json"
    data = json.loads(data_file.read_text())
    bar = json.loads((BASE_IMPORT / "content" / BAR / "data.json").read_text())
    data.update({"@id": "/bar/plone.pdf", "parent": {"@id": "/bar", "@type": "Document", "UID": BAR}})
    data_file.write_text(json.dumps(data))
    assert bar["review_state"] == "private"
    import_plone(export)
    import_plone(EXPORTS / "collective" / "Plone.json")
    drafts = [imported(uid) for uid in (FOO, BAR, FOO_BAR)] + [imported(PRIVATE_NEWS, export="Plone")]
    assert not any(page.live for page in drafts)
    return drafts


def test_drafts_are_not_on_the_site(imported_site, client):
    for draft in imported_site:
        assert client.get(draft.url).status_code == 404, draft.url
    assert client.get(imported(BAR_FOO).url).status_code == 200


def test_drafts_are_not_in_the_content_api(imported_site, client):
    for draft in imported_site:
        assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    listed = client.get(f"/api/v2/pages/?descendant_of={imported(SITE_ROOT).pk}&limit=100").json()["items"]
    assert {item["id"] for item in listed} == {imported(BAR_FOO).pk, imported(NEWS).pk}


def test_drafts_are_not_found_by_search(imported_site, client):
    assert client.get("/api/search/?q=fdfdfd").json()["total"] == 0  # /foo's description
    found = client.get("/api/search/?q=Foo").json()["results"]
    assert imported(BAR_FOO).pk in {hit["id"] for hit in found}
    assert not {hit["id"] for hit in found} & {draft.pk for draft in imported_site}


def test_drafts_are_not_in_the_sitemap_or_the_feeds(imported_site, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"{imported(BAR_FOO).url}</loc>" in sitemap
    assert not any(f"{draft.url}</loc>" in sitemap for draft in imported_site)
    feed = client.get("/feeds/nieuws/rss/").content.decode()
    assert "An important news" in feed and "Nieuwe handreiking" not in feed


def test_files_of_private_folders_need_a_login(imported_site, client):
    document = plone_item(PDF).document
    response = client.get(document.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert client.get("/bar/plone.pdf")["Location"] == document.url  # its old address, still 301
