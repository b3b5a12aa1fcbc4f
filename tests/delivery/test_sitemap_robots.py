import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import NetworkPage, NewsIndexPage, NewsPage
from tests.knowledge.factories import NewsPageFactory

from .conftest import EDITOR

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_urls(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_sitemap_lists_the_live_public_pages(client):
    urls = sitemap_urls(client)
    news = NewsPage.objects.live().public()
    assert {page.full_url for page in news} <= set(urls)
    assert NewsIndexPage.objects.get().full_url in urls


def test_sitemap_leaves_out_drafts_and_the_private_network_area(client, editor):
    NewsPageFactory(
        parent=NewsIndexPage.objects.get(),
        publish=False,
        revision__user=editor,
        title="Concept",
        slug="concept-bericht-sitemap",
        intro="Nog niet af.",
    )
    unpublished = NewsPage.objects.live().first()
    unpublished.unpublish()
    changed = NewsPage.objects.live().last()
    changed.slug = "nieuwe-slug-nog-in-concept"
    changed.save_revision(user=editor)
    network = NetworkPage.objects.get(depth=3)
    assert network.get_view_restrictions().exists()

    urls = sitemap_urls(client)
    assert not [url for url in urls if "concept-bericht-sitemap" in url]
    assert unpublished.full_url not in urls
    assert changed.get_parent().full_url + "nieuwe-slug-nog-in-concept/" not in urls
    assert NewsPage.objects.get(pk=changed.pk).full_url in urls
    assert not [url for url in urls if url.startswith(network.full_url)]
    body = client.get("/sitemap.xml").content.decode()
    for value in EDITOR.values():
        assert value not in body


def test_sitemap_queries_do_not_grow_with_the_number_of_pages(client):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/sitemap.xml").status_code == 200
        return len(captured)

    queries()  # warm the per-process caches (site root paths, content types)
    before = queries()
    for number in range(8):
        NewsPageFactory(parent=NewsIndexPage.objects.get(), title=f"Sitemapbericht {number}")
    assert len([url for url in sitemap_urls(client) if "sitemapbericht" in url]) == 8
    assert queries() == before


def test_robots_txt_allows_the_site_and_points_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Allow: /" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
