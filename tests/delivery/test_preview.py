import time
from unittest import mock
from urllib.parse import parse_qs, urlsplit

import pytest
from django.apps import apps
from django.urls import reverse
from wagtail.models import Page

from core.preview import FrontEndPreviewMixin

pytestmark = pytest.mark.django_db

DRAFT_TITLE = "Conceptversie: nog niet publiceren"


def preview_form(page, **changes):
    """The edit form of a news page as the admin posts it for a preview."""
    data = {
        "title": page.title,
        "slug": page.slug,
        "date": page.date.isoformat(),
        "region": page.region_id or "",
        "intro": page.intro,
        "body-count": "0",
        "themes": [theme.pk for theme in page.themes.all()],
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


@pytest.fixture
def preview_link(client, editor, national_news):
    """What the editor's browser is sent to after clicking Preview on an edited news page."""
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[national_news.pk])
    checked = client.post(url, preview_form(national_news, title=DRAFT_TITLE))
    assert checked.json()["is_valid"] is True
    response = client.get(url)
    assert response.status_code == 302
    client.logout()
    return response["Location"]


def preview_params(link):
    query = parse_qs(urlsplit(link).query)
    return {"content_type": query["content_type"][0], "token": query["token"][0]}


def test_preview_sends_the_editor_to_the_front_end_with_a_token(preview_link, settings):
    assert preview_link.startswith(settings.HEADLESS_PREVIEW_URL)
    params = preview_params(preview_link)
    assert params["content_type"] == "knowledge.newspage"
    assert params["token"]


def test_front_end_shows_the_draft_with_the_token(client, preview_link, national_news):
    response = client.get(preview_link)
    assert response.status_code == 200
    assert DRAFT_TITLE in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex"
    # The live page and the content API still show the published version.
    assert DRAFT_TITLE not in client.get(national_news.url).content.decode()
    assert client.get(f"/api/v2/pages/{national_news.pk}/").json()["title"] == national_news.title


def test_preview_api_serves_the_draft_in_the_page_representation(client, preview_link, national_news):
    response = client.get("/api/v2/page_preview/", preview_params(preview_link))
    assert response.status_code == 200
    data = response.json()
    assert data["title"] == DRAFT_TITLE
    assert data["id"] == national_news.pk
    assert data["meta"]["type"] == "knowledge.NewsPage"
    assert {"intro", "body", "themes", "date"} <= set(data)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("path", ["/preview/", "/api/v2/page_preview/"])
def test_no_draft_without_a_token(client, preview_link, path):
    params = preview_params(preview_link)
    response = client.get(path, {"content_type": params["content_type"]})
    assert response.status_code == 400
    assert DRAFT_TITLE not in response.content.decode()


@pytest.mark.parametrize("path", ["/preview/", "/api/v2/page_preview/"])
def test_no_draft_with_a_forged_token(client, preview_link, path):
    params = preview_params(preview_link)
    identifier, timestamp, _signature = params["token"].split(":")
    forged = f"{identifier}:{timestamp}:{'A' * len(_signature)}"
    response = client.get(path, {**params, "token": forged})
    assert response.status_code == 403
    assert DRAFT_TITLE not in response.content.decode()


@pytest.mark.parametrize("path", ["/preview/", "/api/v2/page_preview/"])
def test_token_expires_after_the_configured_lifetime(client, preview_link, settings, path):
    params = preview_params(preview_link)
    lifetime = settings.HEADLESS_PREVIEW_MAX_AGE
    assert lifetime <= 15 * 60
    with mock.patch("django.core.signing.time.time", return_value=time.time() + lifetime - 30):
        assert client.get(path, params).status_code == 200
    with mock.patch("django.core.signing.time.time", return_value=time.time() + lifetime + 1):
        response = client.get(path, params)
    assert response.status_code == 403
    assert "verlopen" in response.content.decode()
    assert DRAFT_TITLE not in response.content.decode()


def test_token_of_one_page_type_does_not_open_another(client, preview_link):
    params = preview_params(preview_link)
    response = client.get("/api/v2/page_preview/", {**params, "content_type": "knowledge.eventpage"})
    assert response.status_code == 404


def test_unknown_page_type_is_a_clear_bad_request(client, preview_link):
    params = preview_params(preview_link)
    response = client.get("/api/v2/page_preview/", {**params, "content_type": "auth.user"})
    assert response.status_code == 400
    assert "auth.user" in response.json()["message"]


def test_configured_front_end_receives_the_preview(client, editor, national_news, settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": "https://voorbeeld.kennisplatform.example.nl/preview"},
        "REDIRECT_ON_PREVIEW": True,
    }
    client.force_login(editor)
    url = reverse("wagtailadmin_pages:preview_on_edit", args=[national_news.pk])
    client.post(url, preview_form(national_news, title=DRAFT_TITLE))
    location = client.get(url)["Location"]
    assert location.startswith("https://voorbeeld.kennisplatform.example.nl/preview/?")
    # That front end fetches the draft from the API with the token it was given.
    client.logout()
    data = client.get("/api/v2/page_preview/", preview_params(location)).json()
    assert data["title"] == DRAFT_TITLE


def test_every_page_type_previews_in_the_front_end():
    page_models = [
        model
        for model in apps.get_models()
        if issubclass(model, Page)
        and model is not Page
        and model._meta.app_label in {"knowledge", "regions", "themes"}
    ]
    assert page_models
    assert [m.__name__ for m in page_models if not issubclass(m, FrontEndPreviewMixin)] == []


def test_a_page_that_was_never_saved_can_be_previewed(client, editor, national_news):
    client.force_login(editor)
    index = national_news.get_parent()
    url = reverse("wagtailadmin_pages:preview_on_add", args=["knowledge", "newspage", index.pk])
    form = preview_form(national_news, title=DRAFT_TITLE, slug="nieuw-concept")
    assert client.post(url, form).json()["is_valid"] is True
    link = client.get(url)["Location"]
    client.logout()
    assert DRAFT_TITLE in client.get(link).content.decode()
    data = client.get("/api/v2/page_preview/", preview_params(link)).json()
    assert data["title"] == DRAFT_TITLE
    assert data["meta"]["parent"]["id"] == index.pk
