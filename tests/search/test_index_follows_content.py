"""What search finds follows the content, on every backend (the database, or a cluster in CI's
third run): publishing, unpublishing, moving into a private section, making private and deleting
change what a visitor can find at once; an engine that cannot be reached gives 503, not 500."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from knowledge.models import KnowledgeIndexPage, NetworkPage
from search.backends import search_backends
from search.service import search
from tests.knowledge.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db

WORD = "blauwvingerkrab"


def found():
    return [hit.page.pk for hit in search(WORD).hits]


@pytest.fixture
def article():
    page = ArticlePageFactory(
        parent=KnowledgeIndexPage.objects.get(locale__language_code="nl"),
        publish=False,
        title=f"Over de {WORD}",
        intro=f"Een stage bij de {WORD}.",
        kind="handreiking",
    )
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)  # as published: live


def test_publishing_and_unpublishing_show_and_hide_a_page(article):
    assert found() == [article.pk]
    article.unpublish()
    assert found() == []
    article.refresh_from_db()
    article.save_revision().publish()
    assert found() == [article.pk]


def test_a_page_moved_into_the_private_network_area_drops_out(article):
    network = NetworkPage.objects.get(depth=3)
    assert PageViewRestriction.objects.filter(page=network).exists()
    article.move(network, pos="last-child")
    assert found() == []


def test_the_pages_of_a_section_moved_into_the_private_area_drop_out(article):
    network = NetworkPage.objects.get(depth=3)
    article.get_parent().move(network, pos="last-child")  # the Kennisbank, with its articles
    assert found() == []


def test_a_section_made_private_drops_out_with_its_pages(article):
    PageViewRestriction.objects.create(page=article.get_parent(), restriction_type="login")
    assert found() == []


def test_a_deleted_page_drops_out(article):
    article.delete()
    assert found() == []


def test_an_engine_that_cannot_be_reached_gives_503_and_the_site_still_serves(client):
    unreachable = search_backends({"OPENSEARCH_URL": "http://127.0.0.1:9", "SEARCH_TIMEOUT": "1"}, False)
    with override_settings(WAGTAILSEARCH_BACKENDS=unreachable):
        api = client.get("/api/search/", {"q": "stage"})
        page = client.get("/zoeken/", {"q": "stage"})
        suggest = client.get("/api/search/suggest/", {"q": "sta"})
        assert client.get("/").status_code == 200
        assert client.get("/api/v2/pages/").status_code == 200
    assert api.status_code == 503 and api["Retry-After"]
    assert "niet beschikbaar" in api.json()["detail"]
    assert page.status_code == 503 and "niet beschikbaar" in page.content.decode()
    assert suggest.status_code == 503
