import os

import pytest
from django.core.cache import cache
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The live server's database is emptied after each browser test, so seed it again, and
    forget what the cache still holds of the last one (Wagtail's list of sites, cached pages)."""
    cache.clear()
    call_command("seed_demo", verbosity=0)
    return live_server


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright runs an event loop in this thread; Django's ORM calls in fixtures stay synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()
