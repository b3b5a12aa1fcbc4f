"""axe-core in Chromium over every public page type of the demo site, on a laptop and on a phone:
no violation of WCAG 2.1 level A or AA. The pages are looked up in the demo content; the school
contacts' pages are checked signed out (login) and signed in (the submission form)."""

from urllib.parse import urlencode

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse

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
from knowledge.models.authors import AuthorRole
from regions.accounts import AccountRole, assign
from regions.models import AnnualPlanPage, ProgressReportPage, RegionalPhotoPage, RegionIndexPage
from tests.regions.factories import SchoolFactory
from themes.models import ThemeIndexPage, ThemePage

pytestmark = pytest.mark.browser

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
VIEWPORTS = {
    "laptop": {"width": 1366, "height": 900},
    "phone": {"width": 390, "height": 844},
}
SEARCH_QUERY = "stageplaats werkgever"
SCHOOL_CONTACT = ("contact@school.example", "school-wachtwoord-2026")


def first_live(model, **filters):
    return model.objects.live().public().filter(locale__language_code="nl", **filters).first()


def public_pages():
    """(name, path or None) of every public page type: None where the demo has no such page."""
    photo = first_live(RegionalPhotoPage)
    region_page = photo.get_parent().specific if photo else None
    plan = first_live(AnnualPlanPage, path__startswith=region_page.path) if region_page else None
    region_index = first_live(RegionIndexPage)
    news_index = first_live(NewsIndexPage)
    pages = {
        "home": first_live(HomePage),
        "news index": news_index,
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
        "progress report": first_live(ProgressReportPage),
        "general content page": first_live(ContentPage),
    }
    paths = {name: page.url if page else None for name, page in pages.items()}
    if news_index:
        paths["news filtered by author"] = f"{news_index.url}?{urlencode({'rol': AuthorRole.KWARTIERMAKER})}"
    if region_index:
        paths["national overview"] = region_index.url + region_index.reverse_subpage("overview")
    else:
        paths["national overview"] = None
    paths["not found (404)"] = "/deze-pagina-bestaat-niet/"
    paths["school login"] = reverse("school_login")
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


def a_school_contact():
    """A school contact of Rijnmond, as the national editors invite one."""
    call_command("setup_roles", verbosity=0)
    school = SchoolFactory(region_code="AM22")
    username, password = SCHOOL_CONTACT
    contact = get_user_model().objects.create_user(username, username, password)
    assign(contact, school.municipality.region, AccountRole.SCHOOL_CONTACT, [school])


def school_contact_pages(page, base_url):
    """The submission form, signed in as a school contact; then signed out again."""
    username, password = SCHOOL_CONTACT
    page.goto(base_url + reverse("school_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**" + reverse("school_submit"))
    yield "school submission form"
    page.context.clear_cookies()


@pytest.mark.parametrize("viewport", VIEWPORTS, ids=list(VIEWPORTS))
def test_every_public_page_type_meets_wcag_21_aa(demo_site, browser, viewport):
    a_school_contact()
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
        for states in (search_page_states, school_contact_pages):
            for state in states(page, demo_site.url):
                problems += violations(page, f"{state} {page.url.removeprefix(demo_site.url)} ({viewport})")
    finally:
        context.close()
    assert not problems, f"{len(problems)} accessibility problems:\n" + "\n".join(problems)
