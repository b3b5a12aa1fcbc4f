"""Keyboard-only walks: the main menu, the search with its facets and suggestions, and the sorting
of the national overview, each by Tab, arrows and Enter alone; every element the walk focuses
shows it (its outline or box shadow differs from when it is not focused)."""

import pytest
from playwright.sync_api import expect

from regions.models import RegionIndexPage

pytestmark = pytest.mark.browser

MENU = ["Nieuws", "Kennisbank", "Agenda", "Thema's", "Regio's"]
LAPTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
MAX_TABS = 120

# The focus ring of an element: its outline and box shadow; for a link in an SVG drawing (a region
# on the map) also the fill and stroke of the shapes it holds, which is where a drawing shows focus.
RING = """(element) => {
  const parts = [element, ...(element instanceof SVGElement ? element.querySelectorAll("*") : [])];
  return parts.map((part) => {
    const style = getComputedStyle(part);
    return [style.outlineStyle, style.outlineWidth, style.outlineColor, style.boxShadow,
            style.fill, style.stroke, style.strokeWidth].join(" ");
  }).join("; ");
}"""

# Before the walk: the ring of every element that can take focus, while none of them has it.
REMEMBER_RINGS = f"""() => {{
  const ring = {RING};
  document.activeElement.blur();
  for (const element of document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")) {{
    element.dataset.unfocusedRing = ring(element);
  }}
}}"""

# The focused element: a short description of it, whether its ring differs from the one it has
# without focus, where it sits, and whether it is a button that opens something (a phone's menu).
FOCUSED = f"""() => {{
  const element = document.activeElement;
  const ring = ({RING})(element);
  return {{
    description: element.outerHTML.replace(/ data-unfocused-ring="[^"]*"/, "").slice(0, 100),
    text: (element.innerText || "").trim(),
    href: element.href || "",
    ringVisible: element.dataset.unfocusedRing !== undefined && ring !== element.dataset.unfocusedRing,
    inNav: element.closest("nav") !== null,
    inFilters: element.closest("aside") !== null,
    inTableHead: element.closest("thead") !== null,
    role: element.getAttribute("role"),
    collapsedToggle: element.tagName === "BUTTON" && element.getAttribute("aria-expanded") === "false",
  }};
}}"""


class KeyboardWalk:
    """Tabs through a page from its start until a condition holds, and checks that each element
    that gets focus on the way shows it."""

    def __init__(self, page):
        self.page = page
        self.visited = []
        page.evaluate(REMEMBER_RINGS)

    def tab_until(self, condition, what):
        for _ in range(MAX_TABS):
            self.page.keyboard.press("Tab")
            focused = self.page.evaluate(FOCUSED)
            self.visited.append(focused)
            if condition(focused):
                return focused
        trail = "\n".join(item["description"] for item in self.visited[-25:])
        raise AssertionError(f"{what} not reached in {MAX_TABS} presses of Tab; last focused:\n{trail}")

    def assert_focus_was_visible(self):
        unseen = [item["description"] for item in self.visited if not item["ringVisible"]]
        assert not unseen, "Focus not visible (outline and box-shadow as without focus) on:\n" + "\n".join(
            unseen
        )


def open_page(browser, url, viewport):
    context = browser.new_context(locale="nl-NL", viewport=viewport)
    page = context.new_page()
    page.goto(url)
    return page


def menu_item(page, label):
    """A walk's condition: the menu link `label`; on the way, a collapsed menu button is opened."""

    def is_menu_item(focused):
        if focused["collapsedToggle"]:
            page.keyboard.press("Enter")
            return False
        return focused["inNav"] and focused["text"] == label

    return is_menu_item


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_keyboard_user_reaches_every_main_menu_item_and_opens_one(demo_site, browser, viewport):
    page = open_page(browser, demo_site.url + "/", viewport)
    walk = KeyboardWalk(page)
    for label in MENU:
        walk.tab_until(menu_item(page, label), f"Main menu item {label!r}")
        assert page.evaluate("document.activeElement.checkVisibility()"), f"{label!r} has focus but is hidden"
    walk.assert_focus_was_visible()

    page.reload()
    KeyboardWalk(page).tab_until(menu_item(page, "Kennisbank"), "Main menu item 'Kennisbank'")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Kennisbank")
    # On a phone the menu is closed again on the new page; the mark is there all the same.
    assert page.locator("header nav a[aria-current]").all_text_contents() == ["Kennisbank"]
    page.context.close()


def test_keyboard_user_chooses_a_search_filter(demo_site, browser):
    page = open_page(browser, demo_site.url + "/zoeken/?q=stageplaats+werkgever", LAPTOP)
    before = page.locator(".search-hit").count()
    walk = KeyboardWalk(page)
    facet = walk.tab_until(
        lambda focused: focused["inFilters"] and "theme=" in focused["href"], "A filter on a theme"
    )
    walk.assert_focus_was_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(facet["href"])
    hits = page.locator(".search-hit")
    assert 0 < hits.count() <= before
    for hit in hits.all():
        assert facet["text"] in hit.inner_text()
    page.context.close()


def test_keyboard_user_opens_a_search_suggestion(demo_site, browser):
    page = open_page(browser, demo_site.url + "/zoeken/", LAPTOP)
    walk = KeyboardWalk(page)
    walk.tab_until(lambda focused: focused["role"] == "combobox", "The search box with suggestions")
    page.keyboard.type("stagepl", delay=30)
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    first_title = options.first.inner_text()
    page.keyboard.press("ArrowDown")
    assert options.first.get_attribute("aria-selected") == "true"
    walk.assert_focus_was_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/zoeken/" not in url)
    assert page.locator("h1").inner_text() == first_title
    page.context.close()


def test_keyboard_user_sorts_the_national_overview(demo_site, browser):
    index = RegionIndexPage.objects.live().get(locale__language_code="nl")
    page = open_page(browser, demo_site.url + index.url + index.reverse_subpage("overview"), LAPTOP)
    regions = page.locator("table tbody th[scope=row]")
    order_before = regions.all_inner_texts()
    walk = KeyboardWalk(page)
    control = walk.tab_until(lambda focused: focused["inTableHead"], "A sort control in the table's header")
    walk.assert_focus_was_visible()
    page.keyboard.press("Enter")
    expect(regions, f"Sorting by {control['text']!r} changed nothing").not_to_have_text(order_before)
    assert sorted(regions.all_inner_texts()) == sorted(order_before)
    assert page.locator("thead th[aria-sort]").inner_text().strip() == control["text"]
    page.context.close()
