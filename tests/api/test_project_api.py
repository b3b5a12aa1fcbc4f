"""/api/regions/, /api/themes/, /api/schools/ and their documentation: a front end gets a region
with its coordinators, schools and caseload, and a theme with its articles, in one request."""

from datetime import date

import pytest

from knowledge.models import KnowledgeIndexPage
from regions.models import Municipality, RegionCoordinator, RegionPage, School
from tests.knowledge.factories import ArticlePageFactory
from tests.regions.factories import SchoolFactory
from themes.models import Theme

pytestmark = pytest.mark.django_db


def add_schools(municipality_code, school_type, count, active=True):
    return SchoolFactory.create_batch(
        count,
        municipality=Municipality.objects.get(code=municipality_code),
        school_type=school_type,
        active=active,
    )


@pytest.fixture
def rijnmond_schools(db):
    School.objects.all().delete()  # whatever the demo holds: these tests count their own
    add_schools("GM0599", "pro", 4)  # Rotterdam
    add_schools("GM0613", "vso", 2)  # Albrandswaard
    add_schools("GM0599", "vso", 1, active=False)
    add_schools("GM0363", "pro", 3)  # Amsterdam, another region


def test_regions_list_counts_schools_and_computes_the_caseload(client, rijnmond_schools):
    regions = {region["code"]: region for region in client.get("/api/regions/").json()}
    assert len(regions) == 35
    rijnmond = regions["AM22"]
    assert rijnmond["name"] == "Rijnmond"
    assert rijnmond["school_counts"] == {"pro": 4, "vso": 2, "total": 6}
    # 6 schools x 80 minutes = 8 hours a week; 8 / 36 hours = 0.22 FTE.
    assert rijnmond["caseload"]["hours_per_week"] == 8.0
    assert rijnmond["caseload"]["fte"] == 0.22
    assert rijnmond["caseload"]["norm"]["minutes_per_school"] == 80
    assert rijnmond["page"]["url"].endswith("/regios/rijnmond/")
    assert rijnmond["page"]["api_url"].endswith(f"/api/v2/pages/{rijnmond['page']['id']}/")


def test_caseload_follows_the_norm_in_the_settings(client, rijnmond_schools, settings):
    settings.CASELOAD_MINUTES_PER_SCHOOL = 60
    caseload = client.get("/api/regions/AM22/").json()["caseload"]
    assert caseload["hours_per_week"] == 6.0 and caseload["norm"]["minutes_per_school"] == 60


def test_region_detail_has_municipalities_schools_and_coordinators(client, rijnmond_schools):
    page = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    page.coordinators = [
        RegionCoordinator(
            name="Carla Jansen", role="Netwerkcoördinator", email="c.jansen@example.nl", phone="010 123 45 67"
        )
    ]
    page.centre_municipality = Municipality.objects.get(code="GM0599")
    page.save_revision().publish()
    data = client.get("/api/regions/AM22/").json()
    assert data["coordinators"] == [
        {
            "name": "Carla Jansen",
            "role": "Netwerkcoördinator",
            "email": "c.jansen@example.nl",
            "phone": "010 123 45 67",
            "photo": None,
        }
    ]
    assert data["centre_municipality"]["name"] == "Rotterdam"
    assert "Rotterdam" in {m["name"] for m in data["municipalities"]}
    assert len(data["schools"]) == 6
    assert {s["region"] for s in data["schools"]} == {"AM22"}
    assert all(s["school_type"] in ("pro", "vso") and s["municipality"]["code"] for s in data["schools"])


def test_unknown_region_is_404_with_a_reason(client):
    response = client.get("/api/regions/AM99/")
    assert response.status_code == 404 and "AM99" in response.json()["detail"]


def test_schools_filter_by_region_and_type_in_pages(client, rijnmond_schools):
    data = client.get("/api/schools/", {"region": "AM22", "type": "pro", "page_size": 3}).json()
    assert data["total"] == 4 and len(data["results"]) == 3
    assert {s["school_type"] for s in data["results"]} == {"pro"}
    second = client.get("/api/schools/", {"region": "AM22", "type": "pro", "page_size": 3, "page": 2}).json()
    assert len(second["results"]) == 1
    names = [s["name"] for s in data["results"] + second["results"]]
    assert len(set(names)) == 4
    assert client.get("/api/schools/", {"type": "vso"}).json()["total"] == 2  # inactive left out


@pytest.mark.parametrize(
    "params, reason",
    [
        ({"region": "AM99"}, "AM99"),
        ({"type": "mbo"}, "type"),
        ({"page": "0"}, "page"),
        ({"page": "twee"}, "page"),
        ({"page_size": "1000"}, "page_size"),
        ({"page": "99999999999999999999"}, "page"),
    ],
)
def test_bad_school_filters_get_400_with_a_reason(client, params, reason):
    response = client.get("/api/schools/", params)
    assert response.status_code == 400
    assert reason in response.json()["detail"]


def test_themes_in_their_order_with_their_pages(client):
    themes = client.get("/api/themes/").json()
    assert len(themes) == 7 and [t["order"] for t in themes] == list(range(1, 8))
    assert all(t["page"] and t["page"]["url"] for t in themes)


def test_a_theme_with_its_newest_articles(client):
    index = KnowledgeIndexPage.objects.get(locale__language_code="nl")
    nazorg = [Theme.objects.get(code="nazorg")]
    ArticlePageFactory(
        parent=index,
        title="Nieuwste nazorg",
        kind="handreiking",
        intro="Over nazorg.",
        date=date(2030, 1, 1),
        themes=nazorg,
    )
    ArticlePageFactory(
        parent=index,
        publish=False,
        title="Concept nazorg",
        kind="handreiking",
        intro="Nog niet af.",
        date=date(2031, 1, 1),
        themes=nazorg,
    )
    data = client.get("/api/themes/nazorg/").json()
    assert data["code"] == "nazorg" and data["page"]["title"]
    assert data["articles"][0]["title"] == "Nieuwste nazorg"
    assert data["articles"][0]["date"] == "2030-01-01"
    assert "Concept nazorg" not in {a["title"] for a in data["articles"]}
    assert client.get("/api/themes/bestaat-niet/").status_code == 404


def test_docs_and_openapi_schema_describe_every_endpoint(client):
    schema = client.get("/api/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    for path in (
        "/api/regions/",
        "/api/regions/{code}/",
        "/api/themes/",
        "/api/themes/{code}/",
        "/api/schools/",
        "/api/search/",
    ):
        assert path in schema["paths"]
    docs = client.get("/api/docs")
    assert docs.status_code == 200 and b"openapi.json" in docs.content
