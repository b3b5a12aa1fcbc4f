from html.parser import HTMLParser

import pytest

from knowledge.models import EventIndexPage
from regions.models import RegionPage
from themes.models import ThemePage

pytestmark = pytest.mark.django_db


class AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = {}
        self.anchors = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate":
            self.links[attrs["href"]] = attrs["type"]
        if tag == "a":
            self.anchors.append(attrs.get("href", ""))


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = AlternateLinks()
    parser.feed(response.content.decode())
    return parser


def assert_links_work(client, links):
    for href in links:
        assert client.get(href).status_code == 200, href


def test_every_page_advertises_the_national_news_feeds(client, home_page):
    links = parsed(client, home_page.url).links
    assert links["/feeds/nieuws/rss/"] == "application/rss+xml"
    assert links["/feeds/nieuws/atom/"] == "application/atom+xml"
    assert_links_work(client, links)


def test_region_page_advertises_its_feeds_and_offers_its_agenda(client):
    page = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    found = parsed(client, page.url)
    assert found.links["/feeds/regio/AM22/rss/"] == "application/rss+xml"
    assert found.links["/feeds/regio/AM22/atom/"] == "application/atom+xml"
    assert found.links["/feeds/regio/AM22/agenda.ics"] == "text/calendar"
    assert_links_work(client, found.links)
    assert "webcal://testserver/feeds/regio/AM22/agenda.ics" in found.anchors


def test_theme_page_advertises_its_feeds(client):
    page = ThemePage.objects.get(theme__code="nazorg", locale__language_code="nl")
    links = parsed(client, page.url).links
    assert links["/feeds/thema/nazorg/rss/"] == "application/rss+xml"
    assert links["/feeds/thema/nazorg/atom/"] == "application/atom+xml"
    assert_links_work(client, links)


def test_agenda_page_offers_the_calendar_subscription(client):
    found = parsed(client, EventIndexPage.objects.get().url)
    assert found.links["/feeds/agenda.ics"] == "text/calendar"
    assert "webcal://testserver/feeds/agenda.ics" in found.anchors
