import pytest
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from wagtail.models import Page, Site

from .content import HOSTNAME, build_site


@pytest.fixture(scope="module")
def contract_site(django_db_setup, django_db_blocker):
    """The fixed site, built once per test module inside a transaction that is rolled back after
    the module; each test runs in a savepoint within it. Returns {model label: page id}."""
    with django_db_blocker.unblock(), transaction.atomic():
        pages = build_site()
        yield {label: page.pk for label, page in pages.items()}
        transaction.set_rollback(True)
    # A rollback sends no signals: forget the cached list of sites that still holds ours.
    Site.clear_site_root_paths_cache()


@pytest.fixture
def contract_pages(contract_site, db, settings):
    """The fixed site's pages, fresh from the database: {model label: page}."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, HOSTNAME]
    return {label: Page.objects.get(pk=pk).specific for label, pk in contract_site.items()}


@pytest.fixture
def contract_client(client, contract_pages):
    """A client asking the contract site (contract.test)."""
    client.defaults["HTTP_HOST"] = HOSTNAME
    return client


@pytest.fixture
def wsgi_keeps_the_test_connection():
    """Django closes the database connection after each request it serves through WSGI; the test
    client avoids that, and so must requests sent straight to the WSGI app inside a test."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)
