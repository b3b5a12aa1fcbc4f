"""/healthz: whether this server can answer, for load balancers and monitoring.

The database decides: without it no page can be served (503, "down"). Without the cache or the
search engine the site still serves pages and the content API, so the answer stays 200 and says
"degraded": a load balancer keeps the server, monitoring raises the alarm.
"""

import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_GET
from modelsearch.backends.elasticsearchbase import ElasticsearchBaseSearchBackend
from wagtail.search.backends import get_search_backend

OK = "ok"
DOWN = "down"
SEARCH_PING_TIMEOUT = 2  # seconds


def database_status():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return DOWN
    return OK


def cache_status():
    """A value written must read back: a cache that swallows its errors (django-redis with
    IGNORE_EXCEPTIONS) answers every read with a miss while its server is down."""
    key = f"healthz:{secrets.token_hex(8)}"
    token = secrets.token_hex(8)
    try:
        cache.set(key, token, timeout=10)
        read = cache.get(key)
        cache.delete(key)
    except Exception:
        return DOWN
    return OK if read == token else DOWN


def search_status(database):
    """A search cluster answers a ping; the database backend is as well as the database is."""
    backend = get_search_backend()
    if not isinstance(backend, ElasticsearchBaseSearchBackend):
        return database
    try:
        reachable = ping(backend.es)
    except Exception:
        return DOWN
    return OK if reachable else DOWN


def ping(client):
    if hasattr(client, "options"):  # elasticsearch-py 8 and later
        return client.options(request_timeout=SEARCH_PING_TIMEOUT, max_retries=0).ping()
    return client.ping(params={"request_timeout": SEARCH_PING_TIMEOUT})  # opensearch-py


@require_GET
def healthz(request):
    database = database_status()
    checks = {"database": database, "cache": cache_status(), "search": search_status(database)}
    if database == DOWN:
        status = DOWN
    elif DOWN in checks.values():
        status = "degraded"
    else:
        status = OK
    response = JsonResponse({"status": status, **checks}, status=503 if status == DOWN else 200)
    add_never_cache_headers(response)
    return response
