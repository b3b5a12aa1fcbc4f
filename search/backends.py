"""Which search backend serves the site: Wagtail's database backend by default, Elasticsearch or
OpenSearch (Wagtail's own backends) when ELASTICSEARCH_URL or OPENSEARCH_URL is set."""

from django.core.exceptions import ImproperlyConfigured

DATABASE_BACKEND = "wagtail.search.backends.database"
ELASTICSEARCH_BACKEND = "wagtail.search.backends.elasticsearch9"
OPENSEARCH_BACKEND = "wagtail.search.backends.opensearch3"
# Text fields have no analyzer of their own in Wagtail's mapping, so the index default decides:
# Dutch stemming and stop words, like the `dutch` configuration on PostgreSQL.
DUTCH_ANALYSIS = {"settings": {"analysis": {"analyzer": {"default": {"type": "dutch"}}}}}


def search_backends(environ, uses_postgresql):
    """WAGTAILSEARCH_BACKENDS for these environment variables.

    SEARCH_BACKEND overrides the backend module for older clusters (for example
    `wagtail.search.backends.elasticsearch8` or `.opensearch2`, with the matching client).
    """
    elasticsearch_url = environ.get("ELASTICSEARCH_URL", "")
    opensearch_url = environ.get("OPENSEARCH_URL", "")
    if elasticsearch_url and opensearch_url:
        raise ImproperlyConfigured("Set ELASTICSEARCH_URL or OPENSEARCH_URL, not both.")
    urls = [url.strip() for url in (elasticsearch_url or opensearch_url).split(",") if url.strip()]
    if not urls:
        return {
            "default": {
                "BACKEND": DATABASE_BACKEND,
                **({"SEARCH_CONFIG": "dutch"} if uses_postgresql else {}),
            }
        }
    default_backend = ELASTICSEARCH_BACKEND if elasticsearch_url else OPENSEARCH_BACKEND
    return {
        "default": {
            "BACKEND": environ.get("SEARCH_BACKEND") or default_backend,
            "URLS": urls,
            "INDEX_PREFIX": environ.get("SEARCH_INDEX_PREFIX", "vsopro_"),
            "TIMEOUT": int(environ.get("SEARCH_TIMEOUT", "5")),
            "INDEX_SETTINGS": DUTCH_ANALYSIS,
        }
    }
