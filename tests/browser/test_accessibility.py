"""axe-core in Chromium over every public page type of the demo site, on a laptop and on a phone:
no violation of WCAG 2.1 level A or AA. The pages are looked up in the demo content."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from knowledge.models import (
    ArticlePage,
    ContentPage,
    EventIndexPage,
    EventPage,
    HomePage,
    KnowledgeIndexPage,
    NewsIndexPage,
    NewsPage,
)
from regions.models import AnnualPlanPage, RegionalPhotoPage, RegionIndexPage
from themes.models import ThemeIndexPage, ThemePage

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {
    "laptop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}
SEARCH_QUERY = "stageplaats werkgever"


def first_live(model, **filters):
    return model.objects.live().public().filter(locale__language_code="nl", **filters).first()


def public_pages():
    """(name, path or None) of every public page type: None where the demo has no such page."""
    photo = first_live(RegionalPhotoPage)
    region_page = photo.get_parent().specific if photo else None
    plan = first_live(AnnualPlanPage, path__startswith=region_page.path) if region_page else None
    region_index = first_live(RegionIndexPage)
    pages = {
        "home": first_live(HomePage),
        "news index": first_live(NewsIndexPage),
        "news item": first_live(NewsPage),
        "knowledge index": first_live(KnowledgeIndexPage),
        "article": first_live(ArticlePage),
        "event index": first_live(EventIndexPage),
        "event": first_live(EventPage),
        "theme index": first_live(ThemeIndexPage),
        "theme page": first_live(ThemePage),
        "region index": region_index,
        "region page": region_page,
        "regional photo": photo,
        "annual plan": plan,
        "general content page": first_live(ContentPage),
    }
    paths = {name: page.url if page else None for name, page in pages.items()}
    if region_index:
        paths["national overview"] = region_index.url + region_index.reverse_subpage("overview")
    else:
        paths["national overview"] = None
    paths["not found (404)"] = "/deze-pagina-bestaat-niet/"
    return paths


def violations(page, where):
    """One readable line per element that breaks a rule, naming the page and the rule."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    return [
        f"{where}: {violation['id']} ({violation['impact']}) at {', '.join(map(str, node['target']))}"
        f" – {violation['help']}"
        for violation in results.response["violations"]
        for node in violation["nodes"]
    ]


def search_page_states(page, base_url):
    """The search page with results and a facet chosen, and with suggestions open while typing."""
    page.goto(f"{base_url}/zoeken/?q={SEARCH_QUERY.replace(' ', '+')}")
    # The theme filters' links, which on a phone may be folded away behind a button.
    page.goto(page.locator("a[href*='theme=']").first.evaluate("link => link.href"))
    assert page.locator(".search-hit").count() > 0
    yield "search with a facet chosen"
    page.goto(f"{base_url}/zoeken/")
    page.get_by_role("combobox").press_sequentially("stagepl", delay=30)
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    yield "search with suggestions open"


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_every_public_page_type_meets_wcag_21_aa(demo_site, browser, viewport):
    context = browser.new_context(locale="nl-NL", viewport=VIEWPORTS[viewport])
    page = context.new_page()
    problems = []
    try:
        for name, path in public_pages().items():
            if path is None:
                problems.append(f"{name} ({viewport}): the demo has no such page")
                continue
            page.goto(demo_site.url + path)
            problems += violations(page, f"{name} {path} ({viewport})")
        for state in search_page_states(page, demo_site.url):
            problems += violations(page, f"{state} {page.url.removeprefix(demo_site.url)} ({viewport})")
    finally:
        context.close()
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
