"""/healthz says whether the server can answer: 200 "ok", 200 "degraded" without the cache or the
search engine (pages still serve), 503 "down" without the database."""

import socket

import pytest
from django.core.cache.backends.base import BaseCache
from django.db import OperationalError, connection
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

CHECKS = {"status", "database", "cache", "search"}


class UnreachableCache(BaseCache):
    """A cache whose server refuses every connection."""

    def __init__(self, location, params):
        super().__init__(params)

    def _refuse(self, *args, **kwargs):
        raise ConnectionRefusedError("Connection refused")

    add = get = set = delete = touch = clear = has_key = _refuse


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("connection to server failed: Connection refused")


def closed_port():
    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        return free.getsockname()[1]


def healthz():
    return Client(raise_request_exception=False).get("/healthz")


def test_all_well_answers_ok_uncached_and_without_signing_in():
    response = healthz()

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok", "search": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    "cache_backend",
    [
        f"{__name__}.UnreachableCache",
        # Drops every write, as django-redis does with IGNORE_EXCEPTIONS while Redis is down.
        "django.core.cache.backends.dummy.DummyCache",
    ],
)
def test_a_cache_that_is_down_degrades_but_still_answers_200(cache_backend):
    with override_settings(CACHES={"default": {"BACKEND": cache_backend}}):
        response = healthz()

    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "down"
    assert response.json()["database"] == "ok"


def test_a_search_cluster_that_cannot_be_reached_degrades_but_still_answers_200():
    unreachable = {
        "default": {
            "BACKEND": "wagtail.search.backends.opensearch3",
            "URLS": [f"http://127.0.0.1:{closed_port()}"],
            "TIMEOUT": 2,
        }
    }
    with override_settings(WAGTAILSEARCH_BACKENDS=unreachable):
        response = healthz()

    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "ok", "search": "down"}


def test_a_database_that_is_down_answers_503_down_with_nothing_secret():
    with connection.execute_wrapper(refuse_every_query):
        response = healthz()

    assert response.status_code == 503
    assert response.json()["status"] == "down"
    assert response.json()["database"] == "down"
    assert set(response.json()) == CHECKS
    assert "refused" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]
