import pytest

pytestmark = pytest.mark.browser


def test_keyboard_user_reaches_the_skip_link_first_and_lands_on_main(demo_site, page):
    page.goto(demo_site.url + "/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused == "#main"
    assert page.locator("a[href='#main']").is_visible()
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")


def test_visitor_goes_from_home_to_a_theme_and_back_by_breadcrumb(demo_site, page):
    page.goto(demo_site.url + "/")
    page.get_by_role("link", name="Passende routes voor nieuwkomers").first.click()
    assert page.locator("h1").inner_text() == "Passende routes voor nieuwkomers"
    page.get_by_role("navigation", name="Kruimelpad").get_by_role("link").first.click()
    assert page.url.rstrip("/") == demo_site.url


def test_layout_fits_a_phone_screen(demo_site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 800})
    phone = context.new_page()
    phone.goto(demo_site.url + "/")
    overflow = phone.evaluate("document.documentElement.scrollWidth > window.innerWidth")
    context.close()
    assert not overflow
