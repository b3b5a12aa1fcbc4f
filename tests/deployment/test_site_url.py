"""set_site_url points the default Site at the public address, so that the links in the sitemap,
the feeds, the content API and the search API lead there rather than to localhost."""

import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Site

from knowledge.models import NewsPage

pytestmark = pytest.mark.django_db

HOST = "kennisplatform.example.nl"
BASE_URL = f"https://{HOST}"


@pytest.fixture
def public_address(settings):
    """Production's settings for the address, and a request as nginx passes it on."""
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    settings.WAGTAILAPI_BASE_URL = BASE_URL
    settings.ALLOWED_HOSTS = [HOST]
    yield
    # A rollback sends no signals: forget the cached list of sites that holds the new address.
    Site.clear_site_root_paths_cache()


def site_url_command(*args):
    out = io.StringIO()
    call_command("set_site_url", *args, stdout=out)
    return out.getvalue().strip()


def test_links_in_sitemap_feeds_and_apis_carry_the_public_address(public_address, client):
    assert site_url_command() == f"Site: {BASE_URL}"
    client.defaults.update(HTTP_HOST=HOST)
    news = NewsPage.objects.live().public().filter(region__isnull=True).first()

    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{BASE_URL}{news.url}</loc>" in sitemap
    assert "localhost" not in sitemap

    feed = client.get("/feeds/nieuws/rss/").content.decode()
    assert f"<link>{BASE_URL}{news.url}</link>" in feed
    assert "localhost" not in feed

    detail = client.get(f"/api/v2/pages/{news.pk}/").json()
    assert detail["meta"]["html_url"] == f"{BASE_URL}{news.url}"
    listing = client.get("/api/v2/pages/", {"type": "knowledge.NewsPage"}).json()
    assert all(item["meta"]["detail_url"].startswith(f"{BASE_URL}/api/v2/") for item in listing["items"])

    hits = client.get("/api/search/", {"q": "stage"}).json()["results"]
    assert hits
    for hit in hits:
        assert hit["url"].startswith(f"{BASE_URL}/")
        assert hit["api_url"] == f"{BASE_URL}/api/v2/pages/{hit['id']}/"


def test_a_second_run_changes_nothing(public_address):
    site_url_command()
    assert site_url_command() == f"Site: {BASE_URL} (ongewijzigd)"
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == (HOST, 443)


def test_the_demo_address_keeps_its_port(public_address):
    site_url_command("http://127.0.0.1:8000")
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8000"


@pytest.mark.parametrize(
    "url",
    [
        "kennisplatform.example.nl",
        "ftp://kennisplatform.example.nl",
        "https://kennisplatform.example.nl/cms",
        "https://kennisplatform.example.nl:8443",
        "http://kennisplatform.example.nl:443",
        "https://:443",
    ],
)
def test_an_address_a_site_cannot_have_is_refused_and_nothing_changes(public_address, url):
    before = Site.objects.get(is_default_site=True).root_url
    with pytest.raises(CommandError, match="kennisplatform.example.nl|:443"):
        site_url_command(url)
    assert Site.objects.get(is_default_site=True).root_url == before
