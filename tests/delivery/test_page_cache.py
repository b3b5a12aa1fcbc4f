"""The page cache (core/page_cache.py): anonymous visitors get the site's pages and the APIs from
the cache, without a database query, until a change purges them; editors, private pages, drafts
and answers that set a cookie never come from it."""

import io
import time
from pathlib import Path
from unittest import mock

import pytest
from csp.decorators import csp_update
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test.utils import CaptureQueriesContext
from django.urls import path, reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from wagtail.contrib.frontend_cache.utils import purge_url_from_cache
from wagtail.models import PageViewRestriction, Site

from config.urls import urlpatterns as site_urlpatterns
from core.models import SiteSettings
from core.page_cache import purge_site
from knowledge.models import ArticlePage, NetworkPage, NewsIndexPage
from regions.models import Municipality, RegionPage
from tests.accounts.two_factor import VerifiedClient
from tests.knowledge.factories import NewsPageFactory

from .test_preview import preview_form, preview_params

pytestmark = pytest.mark.django_db

DUO_FIXTURES = Path(__file__).resolve().parent.parent / "regions" / "fixtures"
NEW_TITLE = "Zonnebloemveld opent stageplekken voor vso-leerlingen"
SEARCH_WORD = "Zonnebloemveld"
ADDRESSES = {
    "home page": lambda: "/",
    "region page": lambda: RegionPage.objects.get(region__code="AM22", locale__language_code="nl").url,
    "article": lambda: ArticlePage.objects.live().public().first().url,
    "search page": lambda: "/zoeken/?q=stage",
    "content API listing": lambda: "/api/v2/pages/?type=knowledge.ArticlePage&fields=title",
    "search API": lambda: "/api/search/?q=stage",
    "feed": lambda: "/feeds/nieuws/rss/",
    "sitemap": lambda: "/sitemap.xml",
}


def visited_twice(client, address):
    """The answer to a second visit, after checking that the first one filled the cache."""
    first = client.get(address)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    second = client.get(address)
    assert second["X-Cache"] == "HIT"
    return second


@pytest.fixture
def editor_client(editor):
    editor_client = VerifiedClient()
    editor_client.force_login(editor)
    return editor_client


@pytest.fixture
def news_item():
    """A live national news item, the newest: on the home page and first in the news index."""
    return NewsPageFactory(parent=NewsIndexPage.objects.get(), title="Stagemarkt in de regio", intro="Kort.")


@pytest.mark.parametrize("name", ADDRESSES)
def test_a_second_anonymous_visit_comes_from_the_cache_without_queries(
    client, django_assert_num_queries, name
):
    address = ADDRESSES[name]()
    first = client.get(address)
    assert first.status_code == 200
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get(address)
        head = client.head(address)
    assert second["X-Cache"] == head["X-Cache"] == "HIT"
    assert second.content == first.content
    assert {**second.headers, "X-Cache": "MISS"} == dict(first.headers)


def test_a_revalidation_from_the_cache_is_a_304_without_queries(client, django_assert_num_queries):
    address = ADDRESSES["content API listing"]()
    first = client.get(address)
    with django_assert_num_queries(0):
        revalidated = client.get(address, HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304
    assert revalidated["X-Cache"] == "HIT"


def test_a_signed_in_editor_is_never_served_from_the_cache(client, editor_client):
    visited_twice(client, "/")
    seen = editor_client.get("/")
    assert seen.status_code == 200
    assert "X-Cache" not in seen


def test_what_an_editor_is_shown_never_reaches_the_cache(client, editor_client, news_item):
    network = NetworkPage.objects.get(depth=3)
    assert editor_client.get(network.url).status_code == 200
    assert editor_client.get(news_item.url).status_code == 200
    assert client.get(network.url).status_code == 302  # to the login page, as before
    assert client.get(news_item.url)["X-Cache"] == "MISS"


@pytest.mark.parametrize("log_action", [True, False], ids=["publish", "publish-without-audit-log"])
def test_a_published_title_shows_at_once_wherever_the_page_appears(client, news_item, log_action):
    """Without an entry in the audit log (as an import may publish) the addresses Wagtail's frontend
    cache purges go all the same, query strings included."""
    addresses = [
        news_item.url,
        news_item.get_parent().url,
        "/",
        "/api/v2/pages/?type=knowledge.NewsPage&fields=title&order=-id",
        f"/zoeken/?q={SEARCH_WORD}",
        f"/api/search/?q={SEARCH_WORD}",
    ]
    for address in addresses:
        assert NEW_TITLE not in visited_twice(client, address).content.decode()

    news_item.title = NEW_TITLE
    news_item.save_revision().publish(log_action=log_action)

    for address in addresses:
        assert NEW_TITLE in client.get(address).content.decode(), address


def test_an_answer_stored_while_a_publish_was_not_yet_committed_goes_when_it_commits(
    client, news_item, django_capture_on_commit_callbacks
):
    """Another visitor's request may read the content before the publish commits and store it after
    the publish purged: the purge is repeated on commit."""
    with django_capture_on_commit_callbacks(execute=True):
        news_item.title = NEW_TITLE
        news_item.save_revision().publish()
        visited_twice(client, news_item.url)
    assert client.get(news_item.url)["X-Cache"] == "MISS"


def test_an_unpublished_page_is_gone_at_once(client, news_item):
    api_detail = f"/api/v2/pages/{news_item.pk}/"
    visited_twice(client, news_item.url)
    visited_twice(client, api_detail)
    news_item.unpublish()
    assert client.get(news_item.url).status_code == 404
    assert client.get(api_detail).status_code == 404


def test_a_draft_never_appears(client, editor_client, news_item):
    draft_title = "Concept: nog niet publiceren"
    visited_twice(client, news_item.url)
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=[news_item.pk])
    editor_client.post(preview_url, preview_form(news_item, title=draft_title))
    preview_link = editor_client.get(preview_url)["Location"]
    params = preview_params(preview_link)
    news_item.title = draft_title
    news_item.save_revision()

    for _ in range(2):
        preview = client.get("/api/v2/page_preview/", params)
        assert preview.json()["title"] == draft_title
        assert "X-Cache" not in preview
    assert draft_title not in client.get(news_item.url).content.decode()
    assert draft_title not in client.get(f"/api/v2/pages/{news_item.pk}/").content.decode()


def test_a_page_behind_a_password_is_never_cached(client, editor_client, news_item):
    visited_twice(client, news_item.url)
    response = editor_client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[news_item.pk]),
        {"restriction_type": PageViewRestriction.PASSWORD, "password": "zomer-2026"},
    )
    assert response.status_code == 200

    for _ in range(2):
        client.cookies.clear()  # the form set a CSRF cookie; a new visitor has none
        form = client.get(news_item.url)
        assert form.status_code == 200
        assert news_item.intro not in form.content.decode()
        assert form["X-Cache"] == "MISS"
    restriction = PageViewRestriction.objects.get(page=news_item)
    visitor = VerifiedClient()
    visitor.post(
        reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, news_item.pk]),
        {"password": "zomer-2026", "return_url": news_item.url},
    )
    assert news_item.intro in visitor.get(news_item.url).content.decode()
    assert news_item.intro not in client.get(news_item.url).content.decode()


def test_a_new_footer_shows_at_once_on_every_page(client, editor_client):
    addresses = ["/", ADDRESSES["article"](), ADDRESSES["region page"](), "/zoeken/?q=stage"]
    for address in addresses:
        visited_twice(client, address)
    site = Site.objects.get(is_default_site=True)
    current = SiteSettings.for_site(site)
    response = editor_client.post(
        reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]),
        {
            "site_name": current.site_name,
            "footer_text": "Nieuwe voettekst van de landelijke redactie.",
            "contact_email": current.contact_email,
            "contact_phone": current.contact_phone,
            "footer_links-count": "0",
        },
    )
    assert response.status_code == 302
    for address in addresses:
        assert "Nieuwe voettekst van de landelijke redactie." in client.get(address).content.decode()


def test_imported_schools_show_at_once_on_their_region_page(client):
    eindhoven = Municipality.objects.get(number="0772")
    region_page = RegionPage.objects.get(region=eindhoven.region, locale__language_code="nl")
    assert "Vitus College" not in visited_twice(client, region_page.url).content.decode()
    call_command("import_schools", DUO_FIXTURES / "duo_vso_vestigingen.csv", stdout=io.StringIO())
    assert "Vitus College" in client.get(region_page.url).content.decode()


def test_an_operator_empties_the_page_cache_after_an_upgrade(client):
    visited_twice(client, "/")
    output = io.StringIO()
    call_command("purge_page_cache", stdout=output)
    assert "Paginacache geleegd" in output.getvalue()
    assert client.get("/")["X-Cache"] == "MISS"


def test_purging_an_address_drops_it_with_every_query_string_on_every_host(client):
    listing = "/api/v2/pages/"
    with_query = "/api/v2/pages/?type=knowledge.NewsPage"
    elsewhere = "/api/v2/images/"
    for address in (listing, with_query, elsewhere):
        visited_twice(client, address)
    purge_url_from_cache("https://kennisplatform.example.nl/api/v2/pages/")
    assert client.get(listing)["X-Cache"] == "MISS"
    assert client.get(with_query)["X-Cache"] == "MISS"
    assert client.get(elsewhere)["X-Cache"] == "HIT"


def test_an_answer_varying_on_cookies_is_kept_apart_per_cookie(client):
    address = ADDRESSES["content API listing"]()
    assert "Cookie" in visited_twice(client, address)["Vary"]
    client.cookies["voorkeur"] = "donker"
    assert client.get(address)["X-Cache"] == "MISS"
    assert client.get(address)["X-Cache"] == "HIT"


def sets_a_cookie(request):
    response = HttpResponse("Welkom terug")
    response.set_cookie("bezocht", "ja")
    return response


def says_private(request):
    response = HttpResponse("Alleen voor u")
    patch_cache_control(response, private=True)
    return response


@never_cache
def says_never_cache(request):
    return HttpResponse("Steeds anders")


@csp_update({"img-src": ["https://kaart.example.nl"]})
def with_its_own_content_security_policy(request):
    return HttpResponse("Een kaart")


def with_a_nonce(request):
    return HttpResponse(f'<script nonce="{request.csp_nonce}">kaart()</script>')


def purged_while_rendering(request):
    purge_site()  # an editor publishes while this answer is made: it may show the old content
    return HttpResponse("Net te laat")


urlpatterns = [
    path("koekje/", sets_a_cookie),
    path("prive/", says_private),
    path("nooit/", says_never_cache),
    path("te-laat/", purged_while_rendering),
    path("kaart/", with_its_own_content_security_policy),
    path("nonce/", with_a_nonce),
    *site_urlpatterns,
]


@pytest.mark.parametrize("address", ["/koekje/", "/prive/", "/nooit/", "/te-laat/", "/kaart/", "/nonce/"])
def test_answers_that_may_not_be_shared_are_not_cached(client, settings, address):
    settings.ROOT_URLCONF = __name__
    for _ in range(2):
        client.cookies.clear()  # a visitor without cookies, every time
        response = client.get(address)
        assert response.status_code == 200
        assert response["X-Cache"] == "MISS"


def test_visitors_asking_for_other_languages_share_the_answer_of_the_address(client):
    """The address decides the language (English pages live under /en/), not the browser."""
    visited_twice(client, "/")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")["X-Cache"] == "HIT"


def test_answers_expire_after_the_configured_lifetime(client, settings):
    settings.PAGE_CACHE_SECONDS = 120
    visited_twice(client, "/")
    later = time.time() + 121
    with mock.patch("django.core.cache.backends.locmem.time.time", return_value=later):
        assert client.get("/")["X-Cache"] == "MISS"


def test_the_cache_can_be_switched_off(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/")
    assert "X-Cache" not in response
    assert len(queries) > 0
