"""/api/v2/pages/: what a front end gets for each page (blocks ready to render) and the filters
it can ask for; bad input answers 400 or 404 with a reason."""

from datetime import date

import pytest
from wagtail.models import Locale

from knowledge.models import ArticlePage, NewsPage

pytestmark = pytest.mark.django_db


def listed(client, **params):
    response = client.get("/api/v2/pages/", {"limit": 100, **params})
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def body_block(data, block_type):
    return next(block["value"] for block in data["body"] if block["type"] == block_type)


def test_images_come_with_renditions_and_alt_text(contract_client, contract_pages):
    data = contract_client.get(f"/api/v2/pages/{contract_pages['knowledge.NewsPage'].pk}/").json()
    image = body_block(data, "image")["image"]
    assert image["alt"] == "Een leerling op stage"
    assert (image["width"], image["height"]) == (1600, 900)
    large, medium = image["renditions"]["large"], image["renditions"]["medium"]
    assert (large["width"], large["height"]) == (1200, 675)
    assert (medium["width"], medium["height"]) == (600, 337)
    assert large["url"].startswith("http") and large["url"].endswith(".png")


def test_page_links_documents_and_rich_text_are_ready_to_render(contract_client, contract_pages):
    agenda = contract_pages["knowledge.EventIndexPage"]
    data = contract_client.get(f"/api/v2/pages/{contract_pages['knowledge.ArticlePage'].pk}/").json()
    internal, external = body_block(data, "call_to_action")["links"]
    assert internal["page"] == {"id": agenda.pk, "title": "Agenda", "url": agenda.get_full_url()}
    assert internal["url"] == agenda.get_full_url()
    assert external == {"label": "Werkgevers", "url": "https://www.example.nl/werkgevers", "page": None}
    paragraph = body_block(data, "paragraph")
    assert f'href="{agenda.get_full_url()}"' in paragraph and "linktype" not in paragraph
    download = body_block(data, "document")
    assert download["title"] == "Handreiking stagebegeleiding"
    assert download["document"]["filename"].endswith(".pdf")
    assert download["document"]["size"] == len(b"%PDF-1.4 handreiking")
    assert download["document"]["url"].endswith(download["document"]["filename"])
    attachment = data["attachments"][0]
    assert attachment["title"] == "Checklist"
    assert attachment["document"]["url"] == download["document"]["url"]


def test_themes_and_regions_are_codes_with_names(contract_client, contract_pages):
    data = contract_client.get(f"/api/v2/pages/{contract_pages['knowledge.EventPage'].pk}/").json()
    assert data["region"] == {"code": "AM22", "name": "Rijnmond"}
    assert data["themes"] == [{"code": "nazorg", "title": data["themes"][0]["title"]}]
    theme_page = contract_client.get(f"/api/v2/pages/{contract_pages['themes.ThemePage'].pk}/").json()
    assert theme_page["theme"]["code"] == "nazorg"


def test_a_link_to_a_draft_shows_no_page(contract_client, contract_pages):
    contract_pages["knowledge.EventIndexPage"].unpublish()
    data = contract_client.get(f"/api/v2/pages/{contract_pages['knowledge.ArticlePage'].pk}/").json()
    internal = body_block(data, "call_to_action")["links"][0]
    assert internal == {"label": "Agenda", "url": None, "page": None}


def test_lists_leave_bodies_to_the_detail(contract_client):
    response = contract_client.get("/api/v2/pages/", {"type": "knowledge.NewsPage", "fields": "*"})
    assert response.status_code == 200
    assert "body" not in response.json()["items"][0] and "intro" in response.json()["items"][0]
    response = contract_client.get("/api/v2/pages/", {"type": "knowledge.NewsPage", "fields": "body"})
    assert response.status_code == 400 and "body" in response.json()["message"]


@pytest.mark.parametrize(
    "params, expected",
    [
        (
            {"theme": "nazorg"},
            {"knowledge.NewsPage", "knowledge.ArticlePage", "knowledge.EventPage", "themes.ThemePage"},
        ),
        (
            {"region": "AM22"},
            {
                "knowledge.NewsPage",
                "knowledge.ArticlePage",
                "knowledge.EventPage",
                "regions.RegionPage",
                "regions.RegionalPhotoPage",
                "regions.AnnualPlanPage",
            },
        ),
        ({"kind": "goed-voorbeeld"}, {"knowledge.ArticlePage"}),
        ({"kind": "stuurgroep"}, {"knowledge.EventPage"}),
        ({"school_type": "pro"}, {"knowledge.ArticlePage"}),
        ({"school_type": "vso"}, set()),
        ({"date_from": "2027-01-01"}, {"knowledge.NewsPage", "knowledge.EventPage"}),
        # The photo's date is the day it was last reviewed, as search sorts it.
        ({"date_to": "2026-12-31"}, {"knowledge.ArticlePage", "regions.RegionalPhotoPage"}),
        ({"date_from": "2027-01-01", "date_to": "2027-02-01"}, {"knowledge.NewsPage"}),
        ({"type": "knowledge.NewsPage", "theme": "nazorg"}, {"knowledge.NewsPage"}),
        (
            {"type": "knowledge.ArticlePage", "region": "AM22", "kind": "goed-voorbeeld"},
            {"knowledge.ArticlePage"},
        ),
        ({"region": "AM01"}, set()),
    ],
)
def test_filters(contract_client, contract_pages, params, expected):
    assert listed(contract_client, **params) == {contract_pages[label].pk for label in expected}


def test_filters_combine_with_type_and_fields(contract_client, contract_pages):
    params = {"type": "knowledge.ArticlePage", "theme": "nazorg", "fields": "kind,date,regions"}
    item = contract_client.get("/api/v2/pages/", params).json()["items"][0]
    assert item["kind"] == "goed-voorbeeld" and item["regions"] == [{"code": "AM22", "name": "Rijnmond"}]


def test_locale_and_translations(contract_client, contract_pages):
    news = contract_pages["knowledge.NewsPage"]
    english = Locale.objects.get_or_create(language_code="en")[0]
    for ancestor in news.get_ancestors().filter(depth__gte=2):
        ancestor.specific.copy_for_translation(english).save_revision().publish()
    translation = news.copy_for_translation(english)
    translation.title = "New work table"
    translation.save_revision().publish()
    assert listed(contract_client, translation_of=news.pk) == {translation.pk}
    in_english = listed(contract_client, locale="en")
    assert translation.pk in in_english and news.pk not in in_english
    data = contract_client.get(f"/api/v2/pages/{translation.pk}/").json()
    assert data["meta"]["locale"] == "en" and data["title"] == "New work table"


@pytest.mark.parametrize(
    "params, reason",
    [
        ({"theme": "onbekend"}, "onbekend"),
        ({"region": "AM99"}, "AM99"),
        ({"kind": "roman"}, "roman"),
        ({"school_type": "mbo"}, "school_type"),
        ({"date_from": "2027-02-30"}, "date_from"),
        ({"date_to": "gisteren"}, "date_to"),
        ({"date_from": "2027-02-01", "date_to": "2027-01-01"}, "date_from"),
        ({"colour": "blue"}, "colour"),
        ({"fields": "nonsense"}, "nonsense"),
        ({"offset": "-1"}, "offset"),
        ({"offset": "99999999999999999999999"}, "offset"),
        ({"limit": "1000"}, "limit"),
        ({"limit": "veel"}, "limit"),
        ({"type": "knowledge.Nothing"}, "type"),
        ({"child_of": "abc"}, "child_of"),
        ({"offset": "²"}, "offset"),  # a digit to str.isdigit, not a number to int()
        ({"id": "²"}, "id"),
        ({"order": "nonsense"}, "nonsense"),
    ],
)
def test_bad_parameters_get_400_with_a_reason(contract_client, params, reason):
    response = contract_client.get("/api/v2/pages/", params)
    assert response.status_code == 400
    assert reason in response.json()["message"]


@pytest.mark.parametrize(
    "path",
    ["/api/v2/pages/987654/", "/api/v2/pages/99999999999999999999/", "/api/v2/images/99999999999999999999/"],
)
def test_unknown_ids_get_404(client, path):
    response = client.get(path)
    assert response.status_code == 404 and response.json()["message"]


def test_date_filters_follow_the_page_dates(contract_client, contract_pages):
    article = contract_pages["knowledge.ArticlePage"]
    ArticlePage.objects.filter(pk=article.pk).update(date=date(2027, 6, 1))
    NewsPage.objects.filter(pk=contract_pages["knowledge.NewsPage"].pk).update(date=date(2020, 1, 1))
    assert listed(contract_client, date_from="2027-05-01") == {article.pk}


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize(
    "search, reason",
    [
        ("ab " * 150, "200"),
        ("ab+" * 150, "200"),
        ("stageplaats" * 30, "200"),
        ("ab " * 11, "10"),
        ("a-b-c-d-e-f-g-h-i-j-k", "woorden"),
    ],
    ids=["150-words", "150-words-joined", "330-characters", "11-words", "11-words-joined"],
)
def test_a_search_too_long_for_the_backend_gets_400_with_a_reason(client, endpoint, search, reason):
    response = client.get(f"/api/v2/{endpoint}/", {"search": search})
    assert response.status_code == 400
    assert reason in response.json()["message"]


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
@pytest.mark.parametrize("operator", ["and", "or"])
def test_a_search_of_ten_words_is_answered(client, endpoint, operator):
    search = " ".join(["stage", "werk", "school", "regio", "leerling"] * 2)
    response = client.get(f"/api/v2/{endpoint}/", {"search": search, "search_operator": operator})
    assert response.status_code == 200, response.content
