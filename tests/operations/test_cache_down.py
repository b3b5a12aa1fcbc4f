"""Redis goes down and comes back: the site keeps serving, uncached, logs what it missed, and caches
in Redis again once it is back, without a restart (django-redis with IGNORE_EXCEPTIONS).

A redis-server of the test's own on a free port; the demo site under gunicorn with production
settings and REDIS_URL pointing at it."""

import pytest

from .services import RedisServer


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    if server.process.poll() is None:
        server.kill()


def test_without_redis_the_site_serves_uncached_and_caches_again_when_it_is_back(
    demo_site, redis_server, serve
):
    site = serve({**demo_site, "REDIS_URL": redis_server.url})
    home_with_redis, pages_with_redis = site.get("/"), site.get("/api/v2/pages/")
    assert home_with_redis.status == 200 and pages_with_redis.status == 200
    assert redis_server.client.dbsize() > 0

    redis_server.kill()
    home, pages = site.get("/"), site.get("/api/v2/pages/")

    assert (home.status, home.text) == (200, home_with_redis.text)
    assert (pages.status, pages.text) == (200, pages_with_redis.text)
    assert "Exception ignored" in site.log() and "redis.exceptions.ConnectionError" in site.log()

    redis_server.start()
    assert site.get("/").status == 200 and site.get("/api/v2/pages/").status == 200
    assert redis_server.client.dbsize() > 0
    assert site.process.poll() is None and site.log().count("Booting worker") == 1
