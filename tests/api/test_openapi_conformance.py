"""/api/openapi.json tells a front end what the project's API answers: real answers of every
endpoint, the documented 400 and 404 answers included, pass schemathesis' conformance checks
(documented status code, content type and body), and each shape is described as it is sent."""

from datetime import date

import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from ninja import Schema
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from knowledge.models import KnowledgeIndexPage
from regions.models import Region, RegionCoordinator, RegionPage
from search.query import MAX_QUERY_LENGTH
from tests.knowledge.factories import ArticlePageFactory
from themes.models import Theme

from .content import make_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("wsgi_keeps_the_test_connection")]

CONFORMANCE = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

# (path, path parameters, query, the status it answers with)
ANSWERS = [
    ("/api/search/", {}, {"q": "Leerwerkplekken in de zorg"}, 200),
    ("/api/search/", {}, {"q": "stage", "sort": "date", "page_size": 5}, 200),
    ("/api/search/", {}, {"sort": "willekeurig"}, 400),
    ("/api/search/", {}, {"page": "een"}, 400),
    ("/api/search/suggest/", {}, {"q": "leerwerk"}, 200),
    ("/api/search/suggest/", {}, {"q": "x" * (MAX_QUERY_LENGTH + 1)}, 400),
    ("/api/regions/", {}, {}, 200),
    ("/api/regions/", {}, {"locale": "en"}, 200),
    ("/api/regions/", {}, {"locale": "de"}, 400),
    ("/api/regions/{code}/", {"code": "AM22"}, {}, 200),
    ("/api/regions/{code}/", {"code": "AM01"}, {"locale": "en"}, 200),
    ("/api/regions/{code}/", {"code": "AM99"}, {}, 404),
    ("/api/regions/{code}/", {"code": "AM22"}, {"locale": "de"}, 400),
    ("/api/schools/", {}, {"region": "AM22", "type": "pro", "page_size": 3}, 200),
    ("/api/schools/", {}, {"region": "AM99"}, 400),
    ("/api/schools/", {}, {"page_size": 0}, 400),
    ("/api/themes/", {}, {}, 200),
    ("/api/themes/", {}, {"locale": "de"}, 400),
    ("/api/themes/{code}/", {"code": "nazorg"}, {}, 200),
    ("/api/themes/{code}/", {"code": "bestaat-niet"}, {}, 404),
    ("/api/themes/{code}/", {"code": "nazorg"}, {"locale": "de"}, 400),
]


@pytest.fixture
def api_schema():
    return schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application())


@pytest.fixture
def rich_content(db):
    """What makes the nested shapes appear: a coordinator with a photo, and an article with a
    region and themes that search finds and the theme lists."""
    page = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    page.coordinators = [
        RegionCoordinator(
            name="Carla Jansen",
            role="Netwerkcoördinator",
            email="c.jansen@example.nl",
            phone="010 123 45 67",
            photo=make_image(title="Carla Jansen"),
        ),
        RegionCoordinator(name="Daan de Wit", email="d.dewit@example.nl"),
    ]
    page.save_revision().publish()
    ArticlePageFactory(
        parent=KnowledgeIndexPage.objects.get(locale__language_code="nl"),
        title="Leerwerkplekken in de zorg",
        intro="Hoe scholen en zorginstellingen samenwerken.",
        kind="handreiking",
        date=date(2030, 1, 1),
        themes=[Theme.objects.get(code="nazorg")],
        regions=[Region.objects.get(code="AM22")],
    )


def test_every_endpoint_has_conformance_cases(api_schema):
    documented = {result.ok().path for result in api_schema.get_all_operations()}
    assert documented == {path for path, *_ in ANSWERS}


@pytest.mark.parametrize(("path", "path_parameters", "query", "status"), ANSWERS)
def test_real_answers_conform_to_the_schema(api_schema, rich_content, path, path_parameters, query, status):
    case = api_schema[path]["GET"].Case(path_parameters=path_parameters, query=query)
    response = case.call_and_validate(checks=CONFORMANCE)
    assert response.status_code == status, response.text


def test_the_conformance_cases_carry_the_nested_shapes(client, rich_content):
    hits = client.get("/api/search/", {"q": "Leerwerkplekken in de zorg"}).json()["results"]
    hit = next(hit for hit in hits if hit["title"] == "Leerwerkplekken in de zorg")
    assert hit["region"] == {"code": "AM22", "name": "Rijnmond"}
    assert hit["themes"] == [{"code": "nazorg", "title": Theme.objects.get(code="nazorg").title}]
    photos = {c["name"]: c["photo"] for c in client.get("/api/regions/AM22/").json()["coordinators"]}
    assert photos["Carla Jansen"]["renditions"] and photos["Daan de Wit"] is None
    assert client.get("/api/themes/nazorg/").json()["articles"]


def resolve(openapi, schema):
    """`schema` with its $ref followed, and of a nullable `anyOf` the part that is not null."""
    if "$ref" in schema:
        return resolve(openapi, openapi["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]])
    if "anyOf" in schema:
        (value,) = [part for part in schema["anyOf"] if part.get("type") != "null"]
        return resolve(openapi, value)
    return schema


def response_schema(openapi, path, status="200"):
    content = openapi["paths"][path]["get"]["responses"][status]["content"]
    return resolve(openapi, content["application/json"]["schema"])


def properties(openapi, schema, *names):
    for name in names:
        schema = resolve(openapi, schema["properties"][name])
        if schema.get("type") == "array":
            schema = resolve(openapi, schema["items"])
    return set(schema["properties"])


def test_a_search_hit_is_described_with_its_own_region_and_themes(client):
    openapi = client.get("/api/openapi.json").json()
    search = response_schema(openapi, "/api/search/")
    assert properties(openapi, search, "results", "region") == {"code", "name"}
    assert properties(openapi, search, "results", "themes") == {"code", "title"}


def test_regions_and_themes_are_described_with_all_their_fields(client):
    openapi = client.get("/api/openapi.json").json()
    region = resolve(openapi, response_schema(openapi, "/api/regions/")["items"])
    assert set(region["properties"]) == {"code", "name", "page", "coordinators", "school_counts", "caseload"}
    theme = resolve(openapi, response_schema(openapi, "/api/themes/")["items"])
    assert set(theme["properties"]) == {"code", "title", "description", "order", "page"}
    detail = response_schema(openapi, "/api/themes/{code}/")
    assert set(detail["properties"]) == {"code", "title", "description", "order", "page", "articles"}


def api_schemas():
    """The Ninja schemas of the project's apps, once /api/ has loaded them."""
    from config.api import project_api

    project_api.get_openapi_schema()
    seen, stack = [], list(Schema.__subclasses__())
    while stack:
        schema = stack.pop()
        stack.extend(schema.__subclasses__())
        if schema.__module__.split(".")[0] in {"core", "search", "regions", "themes", "knowledge"}:
            seen.append(schema)
    return seen


def test_no_schema_overwrites_another_in_the_openapi_document():
    """Components are keyed by class name: two schemas with one name publish only one of them."""
    by_name = {}
    for schema in api_schemas():
        by_name.setdefault(schema.__name__, set()).add(f"{schema.__module__}.{schema.__qualname__}")
    assert {name: places for name, places in by_name.items() if len(places) > 1} == {}
