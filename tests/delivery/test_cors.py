import pytest

pytestmark = pytest.mark.django_db

FRONT_END = "https://app.kennisplatform.example.nl"


@pytest.fixture(autouse=True)
def allowed_front_end(settings):
    settings.CORS_ALLOWED_ORIGINS = [FRONT_END]


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/openapi.json"])
def test_configured_front_end_may_read_the_api(client, path):
    response = client.get(path, HTTP_ORIGIN=FRONT_END)
    assert response["Access-Control-Allow-Origin"] == FRONT_END


def test_preflight_from_the_front_end_is_answered(client):
    response = client.options(
        "/api/v2/page_preview/", HTTP_ORIGIN=FRONT_END, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONT_END


def test_other_origins_get_no_cors_header(client):
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://elders.example.com")
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response


def test_no_cors_outside_the_api(client):
    response = client.get("/", HTTP_ORIGIN=FRONT_END)
    assert "Access-Control-Allow-Origin" not in response
    response = client.get("/feeds/nieuws/rss/", HTTP_ORIGIN=FRONT_END)
    assert "Access-Control-Allow-Origin" not in response
