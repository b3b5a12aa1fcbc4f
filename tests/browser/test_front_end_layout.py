"""Layout a visitor sees: the national overview's wide table scrolls inside its own box instead
of being cut off, and on a phone the first search result shows without scrolling."""

import pytest

pytestmark = pytest.mark.browser


def test_overview_table_scrolls_inside_its_container_at_1366_px(demo_site, browser):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    page = context.new_page()
    page.goto(demo_site.url + "/regios/overzicht/")
    box = page.locator(".region-overview__scroll")
    sizes = box.evaluate(
        "el => ({client: el.clientWidth, scroll: el.scrollWidth, right: el.getBoundingClientRect().right})"
    )
    page_overflows = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    last_header = page.locator(".region-overview thead th").last
    box.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    last_header_visible = last_header.evaluate(
        "th => { const r = th.getBoundingClientRect(); return r.right <= window.innerWidth && r.left >= 0; }"
    )
    context.close()
    assert not page_overflows
    assert sizes["right"] <= 1366
    assert sizes["scroll"] >= sizes["client"]
    assert last_header_visible


def test_on_a_phone_the_first_result_shows_without_scrolling_and_filters_fold_away(demo_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.goto(demo_site.url + "/zoeken/?q=stageplaats")
    search_boxes = page.locator("input[type=search]").count()
    first_title = page.locator(".search-hit__title").first.bounding_box()
    facets_hidden = not page.locator(".search-facet").first.is_visible()
    page.get_by_text("Filters", exact=True).click()
    facets_shown = page.locator(".search-facet").first.is_visible()
    context.close()
    assert search_boxes == 1
    assert first_title["y"] + first_title["height"] <= 844
    assert facets_hidden and facets_shown


def test_on_a_wide_screen_the_filters_are_open_beside_the_results(demo_site, page):
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(demo_site.url + "/zoeken/?q=stageplaats")
    assert page.locator(".search-facet").first.is_visible()
    assert not page.get_by_text("Filters", exact=True).is_visible()


def test_the_menu_button_opens_the_main_menu_on_a_phone(demo_site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL")
    page = context.new_page()
    page.goto(demo_site.url + "/")
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    hidden_at_first = not menu.get_by_role("link", name="Kennisbank").is_visible()
    button = menu.get_by_role("button", name="Menu")
    button.focus()
    page.keyboard.press("Enter")
    expanded = button.get_attribute("aria-expanded")
    menu.get_by_role("link", name="Kennisbank").click()
    page.wait_for_url("**/kennisbank/")
    context.close()
    assert hidden_at_first and expanded == "true"
