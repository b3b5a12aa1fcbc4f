import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import ArticlePage, Author, NewsIndexPage, NewsPage
from regions.models import Region, RegionPage
from tests.knowledge.factories import ArticlePageFactory, NewsPageFactory
from themes.models import Theme

from .conftest import EDITOR

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DUBLIN_CORE = "{http://purl.org/dc/elements/1.1/}"


def rss_items(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [
        {
            "title": item.findtext("title"),
            "link": item.findtext("link"),
            "categories": [c.text for c in item.findall("category")],
        }
        for item in channel.findall("item")
    ]


def rss_titles(client, path):
    return [item["title"] for item in rss_items(client, path)]


def test_national_news_feed_lists_national_news_newest_first(client):
    items = rss_items(client, "/feeds/nieuws/rss/")
    national = NewsPage.objects.live().filter(region__isnull=True).order_by("-date", "-pk")
    assert [item["title"] for item in items] == [page.title for page in national[:20]]
    first = national.first()
    assert items[0]["link"] == first.full_url
    assert sorted(items[0]["categories"]) == sorted(t.title for t in first.themes.all())


def test_national_news_feed_leaves_out_regional_news(client):
    regional = NewsPage.objects.live().filter(region__isnull=False).first()
    assert regional.title not in rss_titles(client, "/feeds/nieuws/rss/")


def test_atom_feed_carries_the_same_entries(client):
    response = client.get("/feeds/nieuws/atom/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == rss_titles(client, "/feeds/nieuws/rss/")
    assert all(e.find(f"{ATOM}link").get("href").startswith("http") for e in entries)
    assert all(e.findtext(f"{ATOM}updated") for e in entries)


def test_region_feed_lists_the_regions_news_and_articles(client):
    region = Region.objects.get(code="AM22")
    page = RegionPage.objects.get(region=region)
    news = NewsPageFactory(
        parent=page, title="Rijnmondse scholen starten praktijkroute", intro="Nieuws uit Rijnmond."
    )
    article = ArticlePageFactory(
        parent=page,
        title="Goed voorbeeld: praktijkroute Rijnmond",
        intro="Zo werkt het.",
        kind="goed-voorbeeld",
        regions=[region],
    )

    titles = rss_titles(client, "/feeds/regio/AM22/rss/")
    assert news.title in titles and article.title in titles
    other = NewsPage.objects.live().filter(region__isnull=False).exclude(region=region).first()
    assert other.title not in titles
    assert rss_titles(client, "/feeds/regio/am22/rss/") == titles
    assert client.get("/feeds/regio/AM22/atom/").status_code == 200


def test_theme_feed_lists_news_and_articles_on_the_theme(client):
    theme = Theme.objects.get(code="nazorg")
    titles = rss_titles(client, f"/feeds/thema/{theme.code}/rss/")
    on_theme = NewsPage.objects.live().filter(themes=theme)
    off_theme = NewsPage.objects.live().exclude(themes=theme)
    assert {page.title for page in on_theme} <= set(titles)
    assert not {page.title for page in off_theme} & set(titles)
    assert set(ArticlePage.objects.live().filter(themes=theme).values_list("title", flat=True)) & set(titles)


@pytest.mark.parametrize(
    "path", ["/feeds/regio/AM99/rss/", "/feeds/regio/XX/atom/", "/feeds/thema/bestaat-niet/rss/"]
)
def test_unknown_region_or_theme_is_not_found(client, path):
    assert client.get(path).status_code == 404


def test_drafts_and_unpublished_changes_stay_out_of_the_feeds(client, national_news):
    NewsPageFactory(
        parent=NewsIndexPage.objects.get(),
        publish=False,
        title="Concept: nog geheim nieuwsbericht",
        intro="Nog niet af.",
        themes=list(national_news.themes.all()),
    )
    national_news.title = "Ongepubliceerde wijziging van de titel"
    national_news.save_revision()
    theme = national_news.themes.first()
    for path in ("/feeds/nieuws/rss/", "/feeds/nieuws/atom/", f"/feeds/thema/{theme.code}/rss/"):
        body = client.get(path).content.decode()
        assert "Concept: nog geheim" not in body
        assert "Ongepubliceerde wijziging" not in body
    assert NewsPage.objects.get(pk=national_news.pk).title in rss_titles(client, "/feeds/nieuws/rss/")


def test_unpublished_news_disappears_from_the_feed(client, national_news):
    national_news.unpublish()
    assert national_news.title not in rss_titles(client, "/feeds/nieuws/rss/")


def test_private_pages_stay_out_of_the_feeds(client):
    region_page = RegionPage.objects.get(region__code="AM24")
    regional_news = NewsPage.objects.live().descendant_of(region_page).first()
    assert regional_news.title in rss_titles(client, "/feeds/regio/AM24/rss/")
    PageViewRestriction.objects.create(
        page=region_page, restriction_type=PageViewRestriction.PASSWORD, password="alleen-intern"
    )
    assert regional_news.title not in rss_titles(client, "/feeds/regio/AM24/rss/")
    theme = regional_news.themes.first()
    assert regional_news.title not in rss_titles(client, f"/feeds/thema/{theme.code}/rss/")


def test_feeds_carry_no_personal_data_of_editors(client, editor, national_news):
    """The only names in a feed are the bylines of the news authors (knowledge.Author), never
    the accounts of the editors who wrote or published an item."""
    national_news.intro = "Bijgewerkt door de redactie."
    national_news.save_revision(user=editor).publish(user=editor)
    theme = national_news.themes.first()
    bylines = {str(author) for author in Author.objects.all()}
    for path in ("/feeds/nieuws/rss/", "/feeds/nieuws/atom/", f"/feeds/thema/{theme.code}/atom/"):
        body = client.get(path).content.decode()
        assert "Bijgewerkt door de redactie." in body
        for value in EDITOR.values():
            assert value not in body
        root = ET.fromstring(body)
        names = [element.text for element in root.iter(f"{ATOM}name")]
        names += [element.text for element in root.iter(f"{DUBLIN_CORE}creator")]
        assert names and set(names) <= bylines
        # No e-mail addresses: Atom's author/email, RSS's author (which holds one).
        assert not list(root.iter(f"{ATOM}email")) and not list(root.iter("author"))


def test_feed_queries_do_not_grow_with_the_number_of_items(client, no_page_cache):
    theme = Theme.objects.get(code="nazorg")
    path = f"/feeds/thema/{theme.code}/rss/"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    before = queries()
    for number in range(6):
        NewsPageFactory(
            parent=NewsIndexPage.objects.get(),
            title=f"Extra nieuws {number}",
            intro="Meer nieuws.",
            themes=[theme],
            date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        )
    assert len(rss_titles(client, path)) > 6
    assert queries() == before
