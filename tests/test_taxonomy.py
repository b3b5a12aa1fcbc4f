"""A new page type plugs in by declaring its taxonomy alone (tests/taxonomy_app): the content API
filters it by theme and region, search counts it in its facets and filters, and the theme page
lists it, with no edit in the project's apps."""

import pytest

from regions.models import Region
from search.service import search
from tests.taxonomy_app.models import PosterPage
from themes.models import Theme, ThemePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def poster(home_page):
    page = PosterPage(
        title="Affiche stagemarkt Rijnmond",
        slug="affiche-stagemarkt",
        intro="Een affiche voor de stagemarkt.",
        region=Region.objects.get(code="AM22"),
    )
    home_page.add_child(instance=page)
    page.themes.set([Theme.objects.get(code="nazorg")])
    page.save_revision().publish()
    return page


def listed_ids(client, **params):
    response = client.get("/api/v2/pages/", params)
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_the_content_api_filters_it_by_theme_and_region(client, poster):
    assert poster.pk in listed_ids(client, theme="nazorg")
    assert poster.pk in listed_ids(client, region="AM22")
    assert poster.pk not in listed_ids(client, region="AM01")
    assert poster.pk not in listed_ids(client, theme="beschut-werk")


def test_search_counts_it_in_the_facets_and_filters_on_them(poster):
    result = search("affiche stagemarkt")
    assert [hit.page.pk for hit in result.hits] == [poster.pk]
    assert result.hits[0].type_code == "poster"
    assert [hit.code for hit in result.hits[0].themes] == ["nazorg"]
    assert {value.code: value.count for value in result.facets["type"]} == {"poster": 1}
    assert {value.code: value.count for value in result.facets["region"]} == {"AM22": 1}
    assert search("affiche", {"type": "poster", "theme": "nazorg"}).total == 1
    assert search("affiche", {"region": "AM01"}).total == 0


def test_the_theme_page_lists_it(client, poster):
    theme_page = ThemePage.objects.get(theme__code="nazorg", locale__language_code="nl")
    response = client.get(theme_page.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert "Posters" in content and poster.title in content
    other = ThemePage.objects.get(theme__code="beschut-werk", locale__language_code="nl")
    assert poster.title not in client.get(other.url).content.decode()
