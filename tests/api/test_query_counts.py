"""Lists cost a fixed number of queries, however many items they hold (no N+1)."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import ArticleAttachment, ArticlePage, KnowledgeIndexPage
from regions.models import Region, RegionCoordinator, RegionPage, SteeringGroupMember
from tests.knowledge.factories import ArticlePageFactory
from themes.models import Theme

from .content import make_document, make_image
from .test_project_api import add_schools

pytestmark = pytest.mark.django_db


def count_queries(client, path, params=None):
    client.get(path, params)  # warm the per-process caches (content types, site root paths)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path, params)
    assert response.status_code == 200, response.content
    return len(captured)


def add_articles(count, document):
    start = ArticlePage.objects.filter(slug__startswith="extra-").count()
    index = KnowledgeIndexPage.objects.get(locale__language_code="nl")
    themes = list(Theme.objects.all()[:2])
    regions = list(Region.objects.all()[:2])
    for number in range(start, start + count):
        ArticlePageFactory(
            parent=index,
            title=f"Extra {number}",
            slug=f"extra-{number}",
            kind="instrument",
            intro="Extra.",
            date=date(2026, 1, 1),
            themes=themes,
            regions=regions,
            attachments=[ArticleAttachment(document=document, title=f"Bijlage {number}")],
        )


@pytest.mark.parametrize(
    "params",
    [
        {"type": "knowledge.ArticlePage", "fields": "*", "limit": 100},
        {"type": "knowledge.ArticlePage", "theme": Theme, "fields": "*", "limit": 100},
        {"fields": "*", "limit": 100},
    ],
)
def test_page_lists(client, params):
    if params.get("theme") is Theme:
        params = {**params, "theme": Theme.objects.first().code}
    document = make_document()
    add_articles(2, document)
    few = count_queries(client, "/api/v2/pages/", params)
    add_articles(12, document)
    assert count_queries(client, "/api/v2/pages/", params) == few


def add_coordinators(pages):
    for page in pages:
        photo = make_image(title=f"Foto {page.title}")
        page.coordinators = [RegionCoordinator(name="A", photo=photo), RegionCoordinator(name="B")]
        page.steering_group_members = [SteeringGroupMember(name="C")]
        page.save_revision().publish()


def test_region_page_list_with_coordinators(client):
    params = {"type": "regions.RegionPage", "fields": "*", "limit": 100}
    pages = list(RegionPage.objects.all()[:12])
    add_coordinators(pages[:2])
    few = count_queries(client, "/api/v2/pages/", params)
    add_coordinators(pages[2:])
    assert count_queries(client, "/api/v2/pages/", params) == few


def test_regions_with_coordinators_and_schools(client):
    pages = list(RegionPage.objects.exclude(region__code="AM22")[:12])
    add_coordinators([*pages[:2], RegionPage.objects.get(region__code="AM22", locale__language_code="nl")])
    few = count_queries(client, "/api/regions/")
    detail = count_queries(client, "/api/regions/AM22/")
    add_coordinators(pages[2:])
    add_schools("GM0599", "pro", 30)
    add_schools("GM0363", "vso", 30)
    assert count_queries(client, "/api/regions/") == few
    assert count_queries(client, "/api/regions/AM22/") == detail


def test_schools(client):
    add_schools("GM0599", "pro", 3)
    params = {"page_size": 100}
    few = count_queries(client, "/api/schools/", params)
    add_schools("GM0363", "vso", 60)
    assert count_queries(client, "/api/schools/", params) == few


def test_theme_with_articles(client):
    document = make_document()
    add_articles(1, document)
    code = Theme.objects.first().code
    few = count_queries(client, f"/api/themes/{code}/")
    add_articles(9, document)
    assert count_queries(client, f"/api/themes/{code}/") == few
