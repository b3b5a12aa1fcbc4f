"""Editors translate pages into English with wagtail-localize, in the admin."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from knowledge.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.get(username="admin")
    client.force_login(user)
    return client


def test_an_editor_translates_a_news_item_into_english(admin_client):
    news = NewsPage.objects.live().filter(locale__language_code="nl").first()
    english = Locale.objects.get(language_code="en")

    form = admin_client.get(reverse("wagtail_localize:submit_page_translation", args=[news.pk]))
    assert form.status_code == 200
    response = admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[news.pk]),
        {"locales": [english.pk]},
    )
    assert response.status_code == 302

    translation = news.get_translation(english)
    assert translation.specific.intro == news.intro  # the source text, until it is translated
    assert not translation.live  # nothing goes public before the translator publishes
    editor = admin_client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert editor.status_code == 200
    # wagtail-localize's translation editor, not the plain page editor
    assert "wagtail_localize/admin/edit_translation.html" in {t.name for t in editor.templates}
