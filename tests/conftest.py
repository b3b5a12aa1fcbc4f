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


@pytest.fixture(autouse=True)
def _empty_page_cache():
    """The page cache is kept in this process's memory (config/settings/test.py): each test starts
    without the answers an earlier one was given."""
    from django.core.cache import caches

    caches["pages"].clear()


@pytest.fixture
def client():
    """Django's test client, whose `force_login` also passes the second factor, as an editor has
    after logging in (tests/accounts/two_factor.py). Tests of logging in itself use a plain
    `django.test.Client`."""
    from tests.accounts.two_factor import VerifiedClient

    return VerifiedClient()


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on a loopback port that Django's SMTP backend sends to (tests/mail.py);
    what it received is in `smtp_server.messages`."""
    from tests.mail import SmtpServer

    with SmtpServer() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield server


@pytest.fixture
def no_page_cache(settings):
    """Every request is rendered (PAGE_CACHE_SECONDS=0), for tests that count a rendering's queries."""
    settings.PAGE_CACHE_SECONDS = 0


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
