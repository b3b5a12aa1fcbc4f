import pytest

pytestmark = pytest.mark.browser


def test_suggestions_appear_while_typing_and_open_with_the_keyboard(demo_site, page):
    page.goto(demo_site.url + "/zoeken/")
    box = page.get_by_role("combobox")
    box.press_sequentially("stagepl", delay=30)
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    first_title = options.first.inner_text()
    assert "stagepl" in first_title.lower()
    box.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == options.first.get_attribute("id")
    box.press("Enter")
    page.wait_for_url(lambda url: "/zoeken/" not in url)
    assert page.locator("h1").inner_text() == first_title


def test_a_visitor_narrows_results_to_one_theme_with_a_click(demo_site, page):
    page.goto(demo_site.url + "/zoeken/?q=stageplaats+werkgever")
    before = page.locator(".search-hit").count()
    facet = page.get_by_role("complementary", name="Filters").get_by_role("link").first
    theme = facet.inner_text()
    facet.click()
    assert "theme=" in page.url
    assert 0 < page.locator(".search-hit").count() <= before
    for hit in page.locator(".search-hit").all():
        assert theme in hit.inner_text()
