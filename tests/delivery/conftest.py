import pytest
from django.contrib.auth import get_user_model

from knowledge.models import NewsPage

from .frontend_cache import PURGED_URLS

# Personal data of the editor who publishes in these tests; none of it may reach feeds or sitemap.
EDITOR = {
    "username": "redacteur.jansen",
    "email": "m.jansen@redactie.example.nl",
    "first_name": "Marieke",
    "last_name": "Jansen-Visser",
}


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser(password="geheim-wachtwoord", **EDITOR)


@pytest.fixture
def national_news(db):
    """A live national news item with themes."""
    return NewsPage.objects.live().filter(region__isnull=True, themes__isnull=False).first()


@pytest.fixture
def purged_urls(settings):
    """Front-end cache purges go to a recording backend for the test's duration."""
    settings.WAGTAILFRONTENDCACHE = {
        "recording": {"BACKEND": "tests.delivery.frontend_cache.RecordingBackend"}
    }
    PURGED_URLS.clear()
    yield PURGED_URLS
    PURGED_URLS.clear()
