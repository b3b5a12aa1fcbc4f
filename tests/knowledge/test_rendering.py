import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageLogEntry, Revision

from knowledge.models import ArticlePage, EventPage, NetworkPage, NewsPage
from regions.models import RegionIndexPage, RegionPage
from tests.knowledge.factories import NewsPageFactory
from tests.page_types import PUBLIC_PAGE_TYPES
from themes.models import ThemeIndexPage, ThemePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("page_type", PUBLIC_PAGE_TYPES)
def test_every_public_page_type_renders(client, page_type):
    page = apps.get_model(page_type).objects.live().first()
    assert page is not None, f"the demo has no {page_type}"
    response = client.get(page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert page.title.replace("'", "&#x27;") in html
    assert 'href="#main"' in html


def test_home_page_shows_national_news_themes_and_regions(client, home_page):
    html = client.get("/").content.decode()
    national = NewsPage.objects.live().filter(region__isnull=True).order_by("-date").first()
    regional = NewsPage.objects.live().filter(region__isnull=False).order_by("-date").first()
    assert national.title in html
    assert regional.title not in html
    for theme_page in ThemePage.objects.live():
        assert theme_page.url in html
    region_urls = [page.url for page in RegionPage.objects.live()]
    assert len(region_urls) == 35
    assert all(f'href="{url}"' in html for url in region_urls)


def test_article_page_shows_its_attachment(client):
    article = ArticlePage.objects.live().filter(attachments__isnull=False).first()
    html = client.get(article.url).content.decode()
    attachment = article.attachments.first()
    assert attachment.document.url in html


def test_region_page_shows_its_municipalities_and_content(client):
    page = RegionPage.objects.get(region__code="AM01")
    html = client.get(page.url).content.decode()
    assert "Het Hogeland" in html
    assert "Amsterdam" not in html


def test_unknown_address_gives_the_dutch_404_page(client):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    assert "niet gevonden" in response.content.decode().lower()


def test_network_area_is_private(client):
    network = NetworkPage.objects.get(depth=3)
    response = client.get(network.url)
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"] or "login" in response["Location"]


def test_a_draft_is_not_served(client):
    page = EventPage.objects.live().first()
    page.unpublish()
    assert client.get(page.url).status_code == 404


def test_the_english_locale_is_available_for_translations():
    from wagtail.models import Locale

    assert set(Locale.objects.values_list("language_code", flat=True)) == {"nl", "en"}


def test_seed_demo_twice_changes_nothing():
    pages, revisions, log = Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert "0 pagina's aangemaakt" in out.getvalue()
    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == (
        pages,
        revisions,
        log,
    )


def test_demo_site_has_the_promised_content():
    assert RegionPage.objects.live().count() == 35
    assert ThemePage.objects.live().count() == 7
    assert NewsPage.objects.live().count() >= 10
    assert ArticlePage.objects.live().count() >= 20
    assert EventPage.objects.live().filter(kind="stuurgroep").exists()
    assert EventPage.objects.live().filter(kind="directiebijeenkomst", region__isnull=True).exists()
    assert EventPage.objects.live().count() >= 6
    assert RegionIndexPage.objects.live().count() == ThemeIndexPage.objects.live().count() == 1


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def add_national_news(count):
    from knowledge.models import NewsIndexPage
    from themes.models import Theme

    index = NewsIndexPage.objects.get()
    themes = list(Theme.objects.all()[:2])
    for number in range(count):
        NewsPageFactory(parent=index, title=f"Extra bericht {number}", intro="Extra.", themes=themes)


def test_home_page_queries_do_not_grow_with_content(client, no_page_cache):
    client.get("/")  # warm the site-root cache
    before = count_queries(client, "/")
    add_national_news(6)
    after = count_queries(client, "/")
    assert after == before
    assert after <= 24  # the main menu and the footer's statement links included


def test_region_index_queries_do_not_grow_with_regions(client):
    index = RegionIndexPage.objects.get()
    client.get(index.url)
    before = count_queries(client, index.url)
    RegionPage.objects.filter(region__code__in=["AM01", "AM02", "AM03"]).update(live=False)
    fewer = count_queries(client, index.url)
    assert fewer == before
    assert before <= 16  # 15, and the site's settings for its name and footer
