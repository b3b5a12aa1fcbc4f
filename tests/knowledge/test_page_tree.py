import pytest
from wagtail.models import Page

from knowledge.models import (
    ArticlePage,
    ContentPage,
    EventIndexPage,
    EventPage,
    HomePage,
    KnowledgeIndexPage,
    NetworkPage,
    NewsIndexPage,
    NewsPage,
)
from regions.models import RegionIndexPage, RegionPage
from tests.knowledge.factories import ArticlePageFactory, NewsPageFactory
from themes.models import ThemeIndexPage, ThemePage

pytestmark = pytest.mark.django_db


def allowed_children(page_class):
    return set(page_class.allowed_subpage_models())


def test_home_holds_the_sections_the_network_area_and_general_pages():
    assert allowed_children(HomePage) == {
        NewsIndexPage,
        KnowledgeIndexPage,
        EventIndexPage,
        ThemeIndexPage,
        RegionIndexPage,
        NetworkPage,
        ContentPage,  # such as the section of an imported Plone site
    }


@pytest.mark.parametrize(
    "index_class, child_class",
    [
        (NewsIndexPage, NewsPage),
        (KnowledgeIndexPage, ArticlePage),
        (EventIndexPage, EventPage),
        (ThemeIndexPage, ThemePage),
        (RegionIndexPage, RegionPage),
    ],
)
def test_each_section_holds_only_its_own_page_type(index_class, child_class):
    assert allowed_children(index_class) == {child_class}
    # Besides the home page only the tree's root (Wagtail's plain Page) may hold a section: the
    # themes and regions apps leave it to a host site's own home page to list theirs.
    assert set(index_class.allowed_parent_page_models()) - {Page} == {HomePage}


def test_a_region_page_holds_regional_news_articles_and_events():
    assert {NewsPage, ArticlePage, EventPage} <= allowed_children(RegionPage)
    assert set(RegionPage.allowed_parent_page_models()) == {RegionIndexPage}


@pytest.mark.parametrize("leaf_class", [NewsPage, ArticlePage, EventPage, ThemePage])
def test_content_pages_have_no_children(leaf_class):
    assert allowed_children(leaf_class) == set()


def test_a_section_cannot_be_added_twice_under_home(home_page):
    assert not NewsIndexPage.can_create_at(home_page)
    assert NetworkPage.can_create_at(home_page)


def test_news_cannot_be_placed_in_the_kennisbank(home_page):
    kennisbank = KnowledgeIndexPage.objects.child_of(home_page).get()
    assert not NewsPage.can_create_at(kennisbank)
    assert ArticlePage.can_create_at(kennisbank)


def test_content_under_a_region_page_takes_that_region():
    region_page = RegionPage.objects.get(region__code="AM22")
    news = NewsPageFactory(parent=region_page, title="Stagemarkt in Rotterdam", intro="Een stagemarkt.")
    article = ArticlePageFactory(
        parent=region_page, title="Werkplek in de haven", intro="Intro.", kind="goed-voorbeeld"
    )
    assert news.region.code == "AM22"
    assert [region.code for region in ArticlePage.objects.get(pk=article.pk).regions.all()] == ["AM22"]


def test_an_event_cannot_end_before_it_starts():
    from django.core.exceptions import ValidationError

    event = EventPage.objects.first()
    event.end = event.start.replace(year=event.start.year - 1)
    with pytest.raises(ValidationError):
        event.full_clean()
