from urllib.parse import urlsplit

import pytest

from knowledge.models import NewsPage
from tests.browser.admin_login import sign_in_to_admin

pytestmark = pytest.mark.browser

DRAFT_TITLE = "Conceptkop die alleen in het voorbeeld staat"


def test_editor_previews_an_unsaved_draft_in_the_front_end(demo_site, page):
    news = NewsPage.objects.live().filter(region__isnull=True).first()
    sign_in_to_admin(page, demo_site.url)

    page.goto(f"{demo_site.url}/admin/pages/{news.pk}/edit/")
    page.fill("#id_title", DRAFT_TITLE)
    page.locator("[data-side-panel-toggle='preview']").click()

    preview = page.frame_locator("#w-preview-iframe")
    heading = preview.locator("h1")
    heading.wait_for(timeout=15000)
    assert heading.inner_text() == DRAFT_TITLE
    frame = next(f for f in page.frames if "/preview/?" in f.url)
    assert "token=" in frame.url

    # Nothing was saved: visitors still see the published title.
    page.goto(demo_site.url + urlsplit(news.full_url).path)
    assert page.locator("h1").inner_text() == news.title
