"""The database goes down and comes back: meanwhile every address answers 503 with Retry-After and
the reason in Dutch, and afterwards the same server process serves again, without a restart.

The database is a PostgreSQL cluster of the test's own (initdb, pg_ctl), whatever the suite runs on;
the site runs under gunicorn with production settings."""

import json

import pytest

from .services import PostgresCluster, build_demo_site, site_environment

REASON = "De database is even niet bereikbaar"


@pytest.fixture
def cluster():
    cluster = PostgresCluster()
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()


def test_while_the_database_is_down_the_site_answers_503_and_then_recovers_by_itself(
    cluster, serve, tmp_path
):
    # Without the page cache, which would go on answering the pages asked for in the last minutes.
    environment = site_environment(cluster.create_database("vsopro"), tmp_path, PAGE_CACHE_SECONDS="0")
    build_demo_site(environment)
    site = serve(environment)
    assert site.get("/").status == 200

    cluster.stop()
    page, api = site.get("/"), site.get("/api/v2/pages/")

    assert page.status == 503 and page.headers["Retry-After"] == "30"
    assert page.headers["Content-Type"].startswith("text/html") and REASON in page.text
    assert api.status == 503 and api.headers["Retry-After"] == "30"
    assert REASON in json.loads(api.text)["message"]

    cluster.start()
    assert site.get("/").status == 200
    assert site.get("/api/v2/pages/").status == 200

    # Restarted between two requests: the worker's kept connection is dead, and is replaced before
    # the next request would fail on it (CONN_HEALTH_CHECKS).
    cluster.stop()
    cluster.start()
    assert site.get("/").status == 200

    assert site.process.poll() is None and site.log().count("Booting worker") == 1
