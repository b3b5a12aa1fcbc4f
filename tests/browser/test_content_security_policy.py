"""The Content-Security-Policy is sent and nothing the site, the admin or the API docs need is
blocked by it: Chromium reports no violation and no console error on any of these pages."""

import io

import PIL.Image
import pytest
from django.core.files.images import ImageFile
from wagtail.images.models import Image

from knowledge.models import ArticlePage
from regions.models import RegionPage
from tests.browser.admin_login import sign_in_to_admin

pytestmark = pytest.mark.browser

FILE_STORAGE = "django.core.files.storage.FileSystemStorage"

# Stored on each document (every frame) as the browser reports them.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    const blocked = event.blockedURI || "inline";
    window.cspViolations.push(`${event.violatedDirective} blocked ${blocked} in ${event.sourceFile}`);
});
"""


class PolicyWatch:
    """A browser tab that records CSP violations (Chromium also logs them to the console), console
    errors, failed requests and every address it loads."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.problems = []
        self.requested = []
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self.console)
        page.on("pageerror", lambda error: self.problems.append(str(error)))
        page.on("request", lambda request: self.requested.append(request.url))
        page.on("response", self.response)

    def console(self, message):
        # A failed load is reported below with its address.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            self.problems.append(message.text)

    def response(self, response):
        # The site has no favicon; the browser asks for one anyway.
        if response.status >= 400 and not response.url.endswith("/favicon.ico"):
            self.problems.append(f"{response.status} {response.url}")

    def visit(self, path):
        self.collect_violations()  # before the page that reported them goes
        response = self.page.goto(self.base_url + path)
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        self.page.wait_for_load_state("networkidle")
        return response

    def collect_violations(self):
        for frame in self.page.frames:
            self.problems += frame.evaluate("(window.cspViolations || []).splice(0)")

    def violations(self):
        self.collect_violations()
        return self.problems


@pytest.fixture
def watch(demo_site, page):
    return PolicyWatch(page, demo_site.url)


def test_public_pages_run_under_the_policy_without_inline_scripts(watch):
    region = RegionPage.objects.live().get(region__code="AM22")
    article = ArticlePage.objects.live().public().first()
    for path in ["/", region.url, article.url]:
        response = watch.visit(path)
        policy = response.headers["content-security-policy"]
        assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
        assert "nonce-" not in policy
    assert watch.violations() == []


def test_search_with_results_and_suggestions_work_under_the_policy(watch):
    watch.visit("/zoeken/?q=stageplaats")
    assert watch.page.locator(".search-hit").count() > 0
    # The suggestions fetch JSON from this server while typing (connect-src).
    watch.page.get_by_role("combobox").fill("")
    watch.page.get_by_role("combobox").press_sequentially("stagepl", delay=30)
    watch.page.get_by_role("listbox").get_by_role("option").first.wait_for()
    assert watch.violations() == []


def test_api_docs_load_swagger_ui_from_this_server(watch):
    watch.visit("/api/docs")
    watch.page.get_by_text("/api/search/").first.wait_for()
    assert watch.violations() == []
    assert watch.requested
    assert all(url.startswith(watch.base_url) for url in watch.requested), watch.requested


@pytest.fixture
def image_on_disk(settings, tmp_path):
    """An image in the library, its file where /media/ serves it from."""
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": FILE_STORAGE}}
    picture = ImageFile(io.BytesIO(png_bytes()), name="stagemarkt.png")
    return Image.objects.create(title="Stagemarkt Rotterdam", file=picture)


def png_bytes():
    picture = io.BytesIO()
    PIL.Image.new("RGB", (640, 480), "teal").save(picture, "PNG")
    return picture.getvalue()


def test_admin_dashboard_editor_preview_image_chooser_and_upload_work_under_the_policy(watch, image_on_disk):
    page = watch.page
    sign_in_to_admin(page, watch.base_url)  # the login and second-factor pages are the admin's too
    page.wait_for_load_state("networkidle")

    article = ArticlePage.objects.live().public().first()
    watch.visit(f"/admin/pages/{article.pk}/edit/")
    page.locator("[data-side-panel-toggle='preview']").click()
    page.frame_locator("#w-preview-iframe").locator("h1").wait_for(timeout=15000)

    # A coordinator's photo on a region page: an inline panel with an image chooser.
    region = RegionPage.objects.get(region__code="AM22")
    watch.visit(f"/admin/pages/{region.pk}/edit/")
    page.get_by_role("button", name="Kies een afbeelding").first.click()
    page.get_by_role("dialog").get_by_role("link", name=image_on_disk.title).click()
    chosen = page.locator(".chooser:not(.blank) img[data-chooser-image]").first
    chosen.wait_for()
    page.wait_for_load_state("networkidle")
    assert chosen.evaluate("image => image.complete && image.naturalWidth > 0")  # shown: img-src

    # Uploading: the browser reads the file into a preview (from a blob: address) and sends it.
    watch.visit("/admin/images/multiple/add/")
    page.locator("#fileupload").set_input_files(
        {"name": "werkplaats.png", "mimeType": "image/png", "buffer": png_bytes()}
    )
    page.locator("#upload-list .upload-success").wait_for()
    assert page.locator("#upload-list .preview .thumb canvas, #upload-list .preview .thumb img").count() == 1
    page.wait_for_load_state("networkidle")

    assert watch.violations() == []
