import pytest
from django.conf import settings
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test starts from the demo site with its roles; each test's changes are rolled back."""
    with django_db_blocker.unblock():
        call_command("seed_demo", verbosity=0)
        call_command("setup_roles", verbosity=0)
        if on_a_cluster():
            call_command("update_index", verbosity=0)  # leftovers of earlier runs go


@pytest.fixture(autouse=True)
def _search_index_follows_the_database(django_db_blocker):
    """On a cluster, a test's writes stay in the engine when its database changes roll back: the
    documents an earlier test wrote follow the database again before the next test starts (its
    teardown may run before the rollback)."""
    if on_a_cluster():
        from tests.search.refreshing_backend import WRITTEN, restore_written

        if WRITTEN:
            with django_db_blocker.unblock():
                restore_written()
    yield


@pytest.fixture
def home_page(db):
    from knowledge.models import HomePage

    return HomePage.objects.get(depth=2, locale__language_code="nl")


@pytest.fixture(autouse=True)
def _repeatable_fake_data():
    """Faker values in the factories are the same on every run of a test."""
    import factory.random

    factory.random.reseed_random("vsopro-kennisplatform")


def on_a_cluster():
    """Whether search runs on OpenSearch or Elasticsearch (OPENSEARCH_URL, ELASTICSEARCH_URL)."""
    return "URLS" in settings.WAGTAILSEARCH_BACKENDS["default"]
