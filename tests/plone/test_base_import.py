"""The real Plone 6 export (plone.exportimport, `exports/base_import`) imported item by item: its
place, its state, its dates, its text, its bytes, its old addresses."""

import pytest
from wagtail.models import CollectionViewRestriction, PageLogEntry

from knowledge.models import ContentPage, NewsPage, PloneItem

from .conftest import BASE_IMPORT, EXPORTS, SITE_ROOT, imported, plone_item, relative_url

pytestmark = pytest.mark.django_db

CONTENT = BASE_IMPORT / "content"
FOO, BAR, BAR_FOO, FOO_BAR = (
    "e7359727ace64e609b79c4091c38822a",
    "70844f7bec1843b8ab2796c972c9ebfe",
    "5d77cd5686184ec49ab077017b1fbc3a",
    "35661c9bb5be42c68f665aa1ed291418",
)
ANOTHER_PAGE, NEWS, LOGO, PDF = (
    "45b0b46f17104a7b8fa7bb94d3dd5bd9",
    "7c1393f615c4447c80db0d784390c5b7",
    "90b11c863598495ba699b22ca76b1041",
    "3e0dd7c4b2714eafa1d6fc6a1493f953",
)


def test_every_page_is_in_its_place_with_its_state(import_plone, home_page):
    output = import_plone(BASE_IMPORT)

    section = imported(SITE_ROOT)
    assert section.get_parent().specific == home_page and section.title == "Site" and section.live
    pages = {
        relative_url(page, section): (type(page), page.title, page.live)
        for page in section.get_descendants().specific()
    }
    assert pages == {
        "bar/": (ContentPage, "Bar", False),  # private in Plone
        "bar/foo/": (ContentPage, "Foo", True),  # published, inside a private folder
        "bar/an-important-news/": (NewsPage, "An important news", True),
        "foo/": (ContentPage, "Foo", False),
        "foo/bar/": (ContentPage, "Bar", False),
    }
    # Plone's order in the folder, not the alphabet (ordering in __metadata__.json).
    assert [page.slug for page in imported(BAR).get_children()] == ["foo", "an-important-news"]
    assert [page.slug for page in section.get_children()] == ["bar", "foo"]
    assert PloneItem.objects.filter(export="base_import").count() == 9
    assert "Pagina's: 3 gepubliceerd, 3 concept" in output
    assert "Niet overgenomen: 7 reacties, 5 portlets, 2 gebruikers en 5 groepen" in output


def test_metadata_becomes_intro_dates_and_history(import_plone):
    import_plone(BASE_IMPORT)

    bar = imported(BAR)
    assert bar.intro == bar.search_description == "Is bar the new Foo?"
    news = imported(NEWS)
    assert news.date.isoformat() == "2024-02-13"
    assert news.first_published_at.isoformat() == "2024-02-13T18:14:27+00:00"  # effective
    assert news.last_published_at.isoformat() == "2024-02-13T21:14:27+00:00"  # modified
    revision = news.latest_revision
    assert revision.created_at.isoformat() == "2024-02-13T21:14:27+00:00"
    assert revision.user.username == "admin"  # the creator, who has an account here
    created = PageLogEntry.objects.get(page=news, action="wagtail.create")
    assert created.timestamp.isoformat() == "2024-02-13T21:14:23+00:00"
    assert imported(BAR_FOO).first_published_at.isoformat() == "2024-02-13T17:23:20+00:00"


def test_the_default_page_is_the_text_of_its_folder(import_plone, client):
    import_plone(BASE_IMPORT)

    foo = imported(FOO)
    assert plone_item(ANOTHER_PAGE).page_id == foo.pk
    assert not foo.get_children().filter(slug="another-page").exists()
    assert foo.intro == "fdfdfd"


def test_the_site_roots_volto_blocks_become_the_section_body(import_plone):
    output = import_plone(BASE_IMPORT)

    body = imported(SITE_ROOT).body
    assert [block.block_type for block in body][:3] == ["paragraph", "heading", "paragraph"]
    assert [block.value["text"] for block in body if block.block_type == "heading"] == [
        "Get started",
        "Get comfortable",
        "Make it your own",
        "About Plone and Volto",
        "Support the Plone Foundation",
    ]
    text = "".join(block.value.source for block in body if block.block_type == "paragraph")
    assert '<a href="https://plone.org/">Plone</a>' in text
    assert "<ol><li>Make sure you are logged in" in text
    # Links to Plone's control panel lead to nothing imported: text without the link, and reported.
    assert "Set up your mail server" in text and "/controlpanel" not in text
    assert "/: /controlpanel/mail leidt naar iets dat niet is geïmporteerd" in output


def test_images_and_files_keep_their_bytes_and_titles(import_plone):
    import_plone(BASE_IMPORT)

    logo = plone_item(LOGO).image
    assert logo.title == "2025 logo"
    with logo.file.open() as file:
        assert file.read() == (CONTENT / LOGO / "image" / "2025.png").read_bytes()
    # In a private folder in Plone: in the import's restricted collection.
    assert CollectionViewRestriction.objects.filter(collection=logo.collection).exists()

    pdf = plone_item(PDF).document
    assert (pdf.title, list(pdf.tags.names())) == ("A File", ["File"])
    assert pdf.filename.startswith("plone") and pdf.file_extension == "pdf"
    with pdf.file.open() as file:
        assert file.read() == (CONTENT / PDF / "file" / "plone.pdf").read_bytes()
    assert not CollectionViewRestriction.objects.filter(collection=pdf.collection).exists()

    news = imported(NEWS)
    lead = news.body[0]
    assert lead.block_type == "image"
    with lead.value["image"].file.open() as file:
        assert file.read() == (CONTENT / NEWS / "image" / "brazil-coins.png").read_bytes()


def test_every_old_address_answers_301_with_the_new_one(import_plone, client):
    import_plone(BASE_IMPORT)

    section = imported(SITE_ROOT)
    expected = {
        "/bar": f"{section.url}bar/",
        "/bar/foo": f"{section.url}bar/foo/",
        "/bar/an-important-news": f"{section.url}bar/an-important-news/",
        "/foo": f"{section.url}foo/",
        "/foo/another-page": f"{section.url}foo/",  # the default page: its folder
        "/foo/bar": f"{section.url}foo/bar/",
        "/plone.pdf": plone_item(PDF).document.url,
    }
    for old, new in expected.items():
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old
    # An image that was not public in Plone gets no address that leads to it.
    assert client.get("/bar/2025.png").status_code == 404


def test_the_section_goes_under_the_page_at_parent(import_plone):
    import_plone(BASE_IMPORT)
    section = imported(SITE_ROOT)

    import_plone(EXPORTS / "volto", "--parent", section.url)

    assert imported(SITE_ROOT, export="volto").get_parent().specific == section
