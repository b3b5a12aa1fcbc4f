import pytest

from knowledge.models import ArticlePage, EventPage, NetworkPage, NewsPage
from regions.models import RegionPage

pytestmark = pytest.mark.django_db


def api_ids(client, **params):
    response = client.get("/api/v2/pages/", {"limit": 100, **params})
    assert response.status_code == 200
    data = response.json()
    ids = {item["id"] for item in data["items"]}
    offset = 100
    while offset < data["meta"]["total_count"]:
        more = client.get("/api/v2/pages/", {"limit": 100, "offset": offset, **params}).json()
        ids |= {item["id"] for item in more["items"]}
        offset += 100
    return ids


def test_api_lists_live_pages_and_not_drafts(client):
    draft = NewsPage.objects.live().first()
    draft.unpublish()
    listed = api_ids(client)
    assert draft.pk not in listed
    assert set(ArticlePage.objects.live().values_list("pk", flat=True)) <= listed
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_api_hides_the_private_network_area(client):
    network = NetworkPage.objects.get(depth=3)
    assert network.pk not in api_ids(client)


@pytest.mark.parametrize(
    "model, fields",
    [
        (NewsPage, ["date", "region", "intro", "body", "themes"]),
        (ArticlePage, ["kind", "date", "regions", "school_types", "intro", "body", "themes", "attachments"]),
        (EventPage, ["kind", "start", "end", "location", "region", "intro", "body", "themes"]),
        (RegionPage, ["region", "intro", "body"]),
    ],
)
def test_api_exposes_the_fields_of_each_page_type(client, model, fields):
    page = model.objects.live().first()
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert set(fields) <= set(data)


def test_api_shows_themes_and_regions_as_codes_and_names(client):
    article = ArticlePage.objects.live().filter(regions__isnull=False, themes__isnull=False).first()
    data = client.get(f"/api/v2/pages/{article.pk}/").json()
    theme = article.themes.first()
    region = article.regions.first()
    assert {"code": theme.code, "title": theme.title} in data["themes"]
    assert {"code": region.code, "name": region.name} in data["regions"]


def test_api_filters_pages_by_type(client):
    response = client.get("/api/v2/pages/", {"type": "knowledge.EventPage", "fields": "start,kind"})
    items = response.json()["items"]
    assert len(items) == EventPage.objects.live().count()
    assert all("start" in item and "kind" in item for item in items)


def test_images_and_documents_endpoints_answer(client):
    assert client.get("/api/v2/images/").status_code == 200
    documents = client.get("/api/v2/documents/").json()
    assert documents["meta"]["total_count"] >= 1
