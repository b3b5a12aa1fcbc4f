"""Drafts, unpublished changes, private pages and people's personal data never reach the API,
whoever asks."""

import json

import pytest
from django.contrib.auth import get_user_model
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from knowledge.models import NewsPage
from regions.models import RegionCoordinator, RegionPage
from tests.knowledge.factories import NewsPageFactory

from .content import make_document, make_image

pytestmark = pytest.mark.django_db

SECRET = "Geheimzinnig"


def everything(client, page_type=None):
    """Every listed page with all its list fields, and every page's detail, as one text."""
    params = {"limit": 100, "fields": "*"} if page_type else {"limit": 100}
    if page_type:
        params["type"] = page_type
    listing = client.get("/api/v2/pages/", params).json()
    details = [client.get(f"/api/v2/pages/{item['id']}/").json() for item in listing["items"]]
    return json.dumps([listing, details], ensure_ascii=False)


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        username="ria",
        email="ria.redacteur@example.nl",
        first_name="Ria",
        last_name="Redactrix",
        password="x",
        is_superuser=True,
    )


def test_a_draft_is_never_listed_found_or_filtered(contract_client, contract_pages):
    news_index = contract_pages["knowledge.NewsIndexPage"]
    draft = NewsPageFactory(
        parent=news_index, publish=False, title=f"{SECRET} bericht", slug="concept", intro="Nog niet af."
    )
    assert SECRET not in everything(contract_client)
    assert contract_client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404
    for params in [{"type": "knowledge.NewsPage"}, {"theme": "nazorg"}, {"date_from": "2000-01-01"}]:
        items = contract_client.get("/api/v2/pages/", params).json()["items"]
        assert draft.pk not in {item["id"] for item in items}
    assert contract_client.get("/api/v2/pages/find/", {"html_path": "nieuws/concept/"}).status_code == 404


def test_unpublished_changes_of_a_live_page_stay_out(contract_client, contract_pages):
    news = contract_pages["knowledge.NewsPage"]
    news.title = f"{SECRET} nieuwe titel"
    news.intro = f"{SECRET} nieuwe inleiding"
    news.save_revision()
    text = everything(contract_client, "knowledge.NewsPage")
    assert SECRET not in text and "Nieuwe werktafel" in text


@pytest.mark.parametrize("restriction", [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD])
def test_private_pages_and_their_children_stay_out_even_for_signed_in_editors(
    contract_client, contract_pages, editor, restriction
):
    news_index = contract_pages["knowledge.NewsIndexPage"]
    news = contract_pages["knowledge.NewsPage"]
    PageViewRestriction.objects.create(page=news_index, restriction_type=restriction, password="geheim")
    contract_client.force_login(editor)
    listed = {item["id"] for item in contract_client.get("/api/v2/pages/", {"limit": 100}).json()["items"]}
    assert news_index.pk not in listed and news.pk not in listed
    assert contract_client.get(f"/api/v2/pages/{news.pk}/").status_code == 404
    # Links to it from public pages show no page either.
    links = next(
        block["value"]["links"]
        for block in contract_client.get(f"/api/v2/pages/{contract_pages['knowledge.HomePage'].pk}/").json()[
            "body"
        ]
        if block["type"] == "call_to_action"
    )
    assert links[0]["page"] is not None  # the agenda is public
    NewsPage.objects.filter(pk=news.pk).update(intro=SECRET)
    assert SECRET not in everything(contract_client)


def test_editors_and_revision_authors_are_never_named(contract_client, contract_pages, editor):
    for page in contract_pages.values():
        page.owner = editor
        page.save_revision(user=editor).publish(user=editor)
    image, document = make_image(), make_document()
    for item in (image, document):
        item.uploaded_by_user = editor
        item.save()
    texts = [everything(contract_client, label) for label in contract_pages]
    for endpoint in ("images", "documents"):
        listing = contract_client.get(f"/api/v2/{endpoint}/", {"fields": "*"}).json()
        texts.append(json.dumps(listing))
        texts += [
            contract_client.get(f"/api/v2/{endpoint}/{item['id']}/").content.decode()
            for item in listing["items"]
        ]
    for text in texts:
        for personal in ("ria.redacteur@example.nl", "Redactrix", '"ria"'):
            assert personal not in text
    for field in ("owner", "latest_revision", "locked_by", "live_revision"):
        response = contract_client.get("/api/v2/pages/", {"fields": field})
        assert response.status_code == 400
    response = contract_client.get("/api/v2/images/", {"fields": "uploaded_by_user"})
    assert response.status_code == 400


def test_redirects_never_point_at_drafts_or_private_pages(contract_client, contract_pages):
    news = contract_pages["knowledge.NewsPage"]
    agenda = contract_pages["knowledge.EventIndexPage"]
    Redirect.objects.create(old_path="/oud-nieuws", redirect_page=news)
    Redirect.objects.create(old_path="/oude-agenda", redirect_page=agenda)
    Redirect.objects.create(old_path="/extern", redirect_link="https://www.example.nl/")
    news.unpublish()
    PageViewRestriction.objects.create(page=agenda, restriction_type=PageViewRestriction.LOGIN)
    items = contract_client.get("/api/v2/redirects/").json()["items"]
    assert [item["old_path"] for item in items] == ["/extern"]


def test_the_region_api_shows_only_published_coordinators_of_public_pages(client):
    page = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    page.coordinators = [RegionCoordinator(name="Carla Jansen", email="carla@example.nl")]
    page.save_revision().publish()
    page.coordinators = [*page.coordinators.all(), RegionCoordinator(name=f"{SECRET} Persoon")]
    page.save_revision()
    text = client.get("/api/regions/AM22/").content.decode() + client.get("/api/regions/").content.decode()
    assert "Carla Jansen" in text and SECRET not in text
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    data = client.get("/api/regions/AM22/").json()
    assert data["page"] is None and data["coordinators"] == []
    assert "carla@example.nl" not in client.get("/api/regions/").content.decode()


def test_no_user_accounts_appear_in_the_project_api(client, editor):
    for path in ("/api/regions/", "/api/regions/AM22/", "/api/themes/", "/api/schools/", "/api/openapi.json"):
        text = client.get(path).content.decode()
        assert "ria.redacteur@example.nl" not in text and "Redactrix" not in text
    assert get_user_model().objects.filter(email="ria.redacteur@example.nl").exists()


def test_the_network_areas_posts_reach_no_api_search_feed_or_sitemap(client):
    from knowledge.models import NetworkPage

    section = NetworkPage.objects.get(depth=3, locale__language_code="nl")
    post = section.add_child(
        instance=NetworkPage(
            title=f"{SECRET} netwerkbericht", slug="netwerkbericht", intro="Alleen voor leden"
        )
    )
    post.save_revision().publish()
    reply = post.add_child(
        instance=NetworkPage(title=f"{SECRET} reactie", slug="reactie", intro="netwerkbericht")
    )
    reply.save_revision().publish()

    for address in [
        "/api/v2/pages/?limit=100",
        "/api/v2/pages/?search=netwerkbericht",
        f"/api/v2/pages/{post.pk}/",
        f"/api/v2/pages/{reply.pk}/",
        "/api/search/?q=netwerkbericht",
        "/zoeken/?q=netwerkbericht",
        "/feeds/nieuws/rss/",
        "/feeds/nieuws/atom/",
        "/sitemap.xml",
    ]:
        assert SECRET not in client.get(address).content.decode(), address
    assert client.get(post.url).status_code == 302  # to the login
