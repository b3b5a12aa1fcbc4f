"""Test run: fast hashing, no outside calls, a separate PostgreSQL test database per run name."""

import os

from search.backends import search_backends

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, INSTALLED_APPS, USES_POSTGRESQL
from .env import env_str

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The page cache in this process's memory: test runs side by side must not share one.
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
if env_str("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME")}
# Serve static files straight from the source folders; tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A page type that plugs in by declaring its taxonomy alone (tests/test_taxonomy.py).
INSTALLED_APPS = ["tests.taxonomy_app", *INSTALLED_APPS]

# On a cluster, tests use indexes of their own (never the site's) through a backend that refreshes
# after every write (tests/search/refreshing_backend.py).
WAGTAILSEARCH_BACKENDS = search_backends(
    {"SEARCH_INDEX_PREFIX": "vsopro_test_", **os.environ}, USES_POSTGRESQL
)
if "URLS" in WAGTAILSEARCH_BACKENDS["default"]:
    WAGTAILSEARCH_BACKENDS["default"]["WRAPPED_BACKEND"] = WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
    WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "tests.search.refreshing_backend"
