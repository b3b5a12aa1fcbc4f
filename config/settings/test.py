"""Test run: fast hashing, no outside calls, a separate PostgreSQL test database per run name."""

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS
from .env import env_str

SECRET_KEY = "test-only-key"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
if env_str("TEST_DATABASE_NAME"):
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_DATABASE_NAME")}
# Serve static files straight from the source folders; tests never run collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# A page type that plugs in by declaring its taxonomy alone (tests/test_taxonomy.py).
INSTALLED_APPS = ["tests.taxonomy_app", *INSTALLED_APPS]
