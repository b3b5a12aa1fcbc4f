"""Server errors: under /api/ a JSON answer without a traceback, and a database that cannot be
reached gives 503 with Retry-After instead of 500."""

import pytest
from django.db import OperationalError, connection
from django.test import Client

from search import service

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("connection to server failed: Connection refused")


@pytest.fixture
def database_down():
    with connection.execute_wrapper(refuse_every_query):
        yield


def broken(*args, **kwargs):
    raise ZeroDivisionError("division by zero")


def disconnected(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.parametrize(
    "path, reason_key",
    [
        ("/api/v2/pages/", "message"),
        ("/api/v2/pages/?search=stage", "message"),
        ("/api/regions/AM22/", "detail"),
        ("/api/search/?q=stage", "detail"),
    ],
)
def test_a_database_that_is_down_gives_503_with_retry_after_under_api(
    client, database_down, path, reason_key
):
    response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"] == "application/json"
    assert "database" in response.json()[reason_key]
    assert "Connection refused" not in response.content.decode()


@pytest.mark.parametrize("path", ["/zoeken/?q=stage", "/regios/"])
def test_a_database_that_is_down_gives_a_small_503_page_elsewhere(client, database_down, path):
    response = client.get(path)

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "<h1>" in html and "Probeer het" in html
    assert "Connection refused" not in html and "Traceback" not in html


def test_a_database_error_in_a_view_gives_503(client, monkeypatch):
    monkeypatch.setattr(service, "search", disconnected)
    response = client.get("/api/search/", {"q": "stage"})
    assert response.status_code == 503 and response["Retry-After"] == "30"


@pytest.mark.parametrize(
    "path, target, reason_key",
    [
        ("/api/search/?q=stage", "search.service.search", "detail"),
        ("/api/v2/pages/", "core.content_api.public_pages", "message"),
    ],
)
def test_an_unexpected_error_under_api_answers_json_without_a_traceback(
    client, monkeypatch, path, target, reason_key
):
    monkeypatch.setattr(target, broken)

    response = client.get(path)

    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json()[reason_key]
    assert "ZeroDivisionError" not in response.content.decode()
    assert "division by zero" not in response.content.decode()


def test_an_unexpected_error_elsewhere_keeps_the_sites_500_page(client, monkeypatch):
    monkeypatch.setattr(service, "search", broken)
    response = client.get("/zoeken/", {"q": "stage"})
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")
    assert "Er ging iets mis" in response.content.decode()


def test_a_database_error_in_a_middleware_gives_503_too(client, monkeypatch):
    monkeypatch.setattr("core.caching.last_content_change", disconnected)
    response = client.get("/api/v2/pages/")
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "database" in response.json()["message"]
