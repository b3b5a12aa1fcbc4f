"""A theme page shows which regions work on the theme: actions in their annual plan (with their
status) and bottlenecks in their regional photo; drafts do not count, and the page costs the
same number of queries however many regions take part."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.regions.conftest import bare_region_page as region_page
from tests.regions.conftest import make_photo, make_plan
from themes.models import ThemePage

pytestmark = pytest.mark.django_db

THEME = "nieuwkomers"


@pytest.fixture
def theme_page():
    return ThemePage.objects.get(theme__code=THEME, locale__language_code="nl")


def test_theme_page_lists_the_regions_with_actions_and_bottlenecks(client, theme_page):
    make_plan(
        region_page("AM22"),
        actions=[
            ("Taalstage bij de haven", [THEME], "bezig"),
            ("Banenmarkt", ["nazorg"], "gepland"),
        ],
    )
    make_photo(region_page("AM01"), bottlenecks=[("Geen route voor nieuwkomers na de ISK", [THEME])])
    make_plan(region_page("AM38"), live=False, actions=[("Conceptactie nieuwkomers", [THEME], "gepland")])

    html = client.get(theme_page.url).content.decode()
    table = html[html.index('id="theme-regions"') :]
    assert "Rijnmond" in table and "Taalstage bij de haven" in table
    assert 'status--bezig">Bezig<' in table
    assert "Banenmarkt" not in table
    assert "Groningen" in table and "Geen route voor nieuwkomers na de ISK" in table
    assert "FoodValley" not in table and "Conceptactie nieuwkomers" not in table


def test_newest_live_plan_stands_for_the_region(client, theme_page):
    rijnmond = region_page("AM22")
    make_plan(rijnmond, year=2025, actions=[("Oude actie", [THEME], "afgerond")])
    make_plan(rijnmond, year=2026, actions=[("Nieuwe actie", [THEME], "gepland")])
    html = client.get(theme_page.url).content.decode()
    assert "Nieuwe actie" in html and "Oude actie" not in html


def test_without_regional_work_the_page_says_so(client, theme_page):
    html = client.get(theme_page.url).content.decode()
    assert "Nog geen regio heeft acties of knelpunten op dit thema vastgelegd." in html


def queries_for(client, url):
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_regions_or_actions(client, theme_page, no_page_cache):
    rijnmond = region_page("AM22")
    make_plan(rijnmond, actions=[("Actie 1", [THEME], "bezig")])
    make_photo(rijnmond, bottlenecks=[("Knelpunt 1", [THEME])])
    client.get(theme_page.url)  # warm the site and locale caches
    few = queries_for(client, theme_page.url)

    for code in ["AM01", "AM02", "AM03", "AM05", "AM06"]:
        page = region_page(code)
        make_plan(page, actions=[(f"Actie {code} {n}", [THEME], "bezig") for n in range(3)])
        make_photo(page, bottlenecks=[(f"Knelpunt {code} {n}", [THEME]) for n in range(3)])
    many = queries_for(client, theme_page.url)
    html = client.get(theme_page.url).content.decode()
    assert "Actie AM06 2" in html and "Knelpunt AM06 2" in html and "Actie 1" in html
    assert many == few
