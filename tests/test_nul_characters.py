"""A NUL character anywhere in an address gets a 400 with a reason, never a 500 (PostgreSQL
refuses to compare text holding one)."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, reason_key",
    [
        ("/api/v2/pages/?search=%00", "message"),
        ("/api/v2/documents/?title=%00", "message"),
        ("/api/regions/AM%00/", "detail"),
        ("/api/schools/?region=%00", "detail"),
        ("/api/themes/%00/", "detail"),
        ("/api/search/?theme=a%00", "detail"),
        ("/api/search/?q=stage%00plaats", "detail"),
    ],
)
def test_api_answers_400_with_a_reason(client, path, reason_key):
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL" in response.json()[reason_key]


@pytest.mark.parametrize("path", ["/feeds/regio/%00/rss/", "/nieuws/?page=%00", "/zoeken/?q=%00"])
def test_site_answers_400(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "NUL" in response.content.decode()


def test_ordinary_requests_pass(client):
    assert client.get("/api/regions/AM22/").status_code == 200
