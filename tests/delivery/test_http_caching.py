import datetime

import pytest
from django.db.models import F
from django.utils.http import parse_http_date
from wagtail.models import ModelLogEntry, PageLogEntry

from knowledge.models import EventPage, NewsIndexPage, NewsPage
from regions.models import RegionPage
from tests.knowledge.factories import NewsPageFactory

pytestmark = pytest.mark.django_db

CACHED_PATHS = [
    "/api/v2/pages/",
    "/api/v2/images/",
    "/feeds/nieuws/rss/",
    "/feeds/regio/AM22/atom/",
    "/feeds/agenda.ics",
    "/sitemap.xml",
]


@pytest.fixture
def content_from_an_hour_ago(db):
    """Everything in the demo site was last changed an hour ago, so a change now is newer."""
    for log in (PageLogEntry, ModelLogEntry):
        log.objects.update(timestamp=F("timestamp") - datetime.timedelta(hours=1))


@pytest.mark.parametrize("path", CACHED_PATHS)
def test_responses_carry_validators_and_a_short_public_lifetime(client, path):
    response = client.get(path)
    assert response.status_code == 200
    assert response["ETag"]
    assert parse_http_date(response["Last-Modified"])
    directives = {part.strip() for part in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60"}


@pytest.mark.parametrize("path", CACHED_PATHS)
def test_unchanged_content_answers_304(client, path):
    first = client.get(path)
    by_etag = client.get(path, HTTP_IF_NONE_MATCH=first["ETag"])
    assert by_etag.status_code == 304
    assert by_etag.content == b""
    assert by_etag["ETag"] == first["ETag"]
    by_date = client.get(path, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert by_date.status_code == 304


def test_unpublishing_invalidates_both_validators(client, content_from_an_hour_ago):
    page = NewsPage.objects.live().filter(region__isnull=True).first()
    first = client.get("/feeds/nieuws/rss/")
    page.unpublish()
    for conditions in (
        {"HTTP_IF_NONE_MATCH": first["ETag"]},
        {"HTTP_IF_MODIFIED_SINCE": first["Last-Modified"]},
    ):
        response = client.get("/feeds/nieuws/rss/", **conditions)
        assert response.status_code == 200
        assert page.title not in response.content.decode()
    assert parse_http_date(response["Last-Modified"]) > parse_http_date(first["Last-Modified"])


def test_publishing_invalidates_the_api_listing(client, content_from_an_hour_ago):
    first = client.get("/api/v2/pages/", {"type": "knowledge.NewsPage", "fields": "title"})
    NewsPageFactory(
        parent=NewsIndexPage.objects.get(), title="Vers nieuws voor de API", intro="Net gepubliceerd."
    )
    response = client.get(
        "/api/v2/pages/",
        {"type": "knowledge.NewsPage", "fields": "title"},
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
        HTTP_IF_NONE_MATCH=first["ETag"],
    )
    assert response.status_code == 200
    assert "Vers nieuws voor de API" in response.content.decode()


def test_signed_in_users_get_private_responses(client, editor):
    client.force_login(editor)
    response = client.get("/api/v2/pages/")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]


def test_site_pages_and_errors_are_not_marked_public(client):
    home = client.get("/")
    assert "public" not in home.get("Cache-Control", "")
    missing = client.get("/feeds/regio/AM99/rss/")
    assert missing.status_code == 404
    assert "public" not in missing.get("Cache-Control", "")


def test_publish_purges_the_page_its_api_entry_and_the_feeds_that_list_it(purged_urls):
    page = NewsPage.objects.live().filter(region__isnull=True, themes__isnull=False).first()
    page.save_revision().publish()
    root = "http://localhost"
    expected = {
        page.full_url,
        f"{root}/api/v2/pages/",
        f"{root}/api/v2/pages/{page.pk}/",
        f"{root}/feeds/nieuws/rss/",
        f"{root}/feeds/nieuws/atom/",
        f"{root}/sitemap.xml",
        page.get_parent().full_url,
        f"{root}/",
    }
    for theme in page.themes.all():
        expected |= {f"{root}/feeds/thema/{theme.code}/rss/", f"{root}/feeds/thema/{theme.code}/atom/"}
        expected.add(theme.pages.get(locale=page.locale).full_url)
    assert expected <= set(purged_urls)
    assert not any("/feeds/regio/" in url for url in purged_urls)


def test_unpublish_purges_the_event_and_its_calendars(purged_urls):
    region_page = RegionPage.objects.get(region__code="AM22")
    event = EventPage.objects.live().descendant_of(region_page).first()
    event.unpublish()
    root = "http://localhost"
    assert {
        event.full_url,
        f"{root}/api/v2/pages/{event.pk}/",
        f"{root}/feeds/agenda.ics",
        f"{root}/feeds/regio/AM22/agenda.ics",
        region_page.full_url,
    } <= set(purged_urls)


def test_deleting_a_live_page_purges_the_feeds_that_listed_it(purged_urls):
    page = NewsPage.objects.live().filter(region__isnull=True).first()
    url = page.full_url
    page.delete()
    assert {url, "http://localhost/feeds/nieuws/rss/", "http://localhost/feeds/nieuws/atom/"} <= set(
        purged_urls
    )


def test_nothing_is_purged_without_a_configured_cache(settings, purged_urls):
    settings.WAGTAILFRONTENDCACHE = {}
    NewsPage.objects.live().first().save_revision().publish()
    assert purged_urls == []
