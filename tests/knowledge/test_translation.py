"""Translating pages into English with wagtail-localize: a translation starts as a draft and goes
live only when a translator publishes it; then the language switcher, the hreflang alternates and
the sitemap know it."""

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page, Workflow

from knowledge.models import HomePage, NewsPage
from knowledge.translators import TRANSLATORS, WAGTAIL_DEFAULT_WORKFLOW
from regions.roles import NATIONAL_EDITORS
from tests.regions.conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def news():
    return NewsPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()


@pytest.fixture
def english():
    return Locale.objects.get(language_code="en")


@pytest.fixture
def translator(client):
    client.force_login(make_user("vertaler", TRANSLATORS))
    return client


def submit_translation(client, page, locale, django_capture_on_commit_callbacks):
    # wagtail-localize finishes its work in on_commit callbacks, which a test transaction
    # never commits: run them, as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtail_localize:submit_page_translation", args=[page.pk]), {"locales": [locale.pk]}
        )
    assert response.status_code == 302
    return page.get_translation(locale)


def publish_translation(client, translation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[translation.pk]), {"action": "publish"}
        )
    assert response.status_code in (200, 302)
    translation.refresh_from_db()
    return translation


def test_a_translation_stays_a_draft_until_the_translator_publishes_it(
    translator, news, english, django_capture_on_commit_callbacks
):
    visitor = Client()
    translation = submit_translation(translator, news, english, django_capture_on_commit_callbacks)

    assert not translation.live
    assert translation.specific.intro == news.intro  # the Dutch text, until it is translated
    editor = translator.get(reverse("wagtailadmin_pages:edit", args=[translation.pk]))
    assert "wagtail_localize/admin/edit_translation.html" in {t.name for t in editor.templates}
    # Until English pages are published, /en/ addresses fall back on the Dutch tree.
    served = visitor.get(f"/en/{news.get_parent().slug}/{news.slug}/")
    assert served.status_code == 404 or served.context["page"].pk == news.pk
    assert visitor.get("/api/v2/pages/?locale=en&type=knowledge.NewsPage").json()["meta"]["total_count"] == 0
    assert "/en/" not in visitor.get("/sitemap.xml").content.decode()

    published = publish_translation(translator, translation, django_capture_on_commit_callbacks)
    assert published.live
    assert visitor.get("/api/v2/pages/?locale=en&type=knowledge.NewsPage").json()["meta"]["total_count"] == 1


def test_the_english_home_and_sections_made_on_the_way_stay_drafts(
    translator, news, english, django_capture_on_commit_callbacks
):
    submit_translation(translator, news, english, django_capture_on_commit_callbacks)
    for ancestor in news.get_translation(english).get_ancestors().filter(depth__gt=1):
        assert not ancestor.live, ancestor


def test_national_editors_translate_and_coordinators_do_not(client, news):
    url = reverse("wagtail_localize:submit_page_translation", args=[news.pk])
    client.force_login(make_user("redacteur", NATIONAL_EDITORS))
    assert client.get(url).status_code == 200
    client.force_login(make_user("coordinator-rijnmond", "Coördinator Rijnmond"))
    assert client.get(url).status_code in (302, 403)


def test_translators_may_publish_only_in_the_english_tree(news, english):
    translator = make_user("vertaler", TRANSLATORS)
    english_home = HomePage.objects.get(locale=english, depth=2)
    assert english_home.permissions_for_user(translator).can_publish()
    assert not news.permissions_for_user(translator).can_edit()
    assert not HomePage.objects.get(locale__language_code="nl").permissions_for_user(translator).can_edit()


def test_no_page_follows_wagtails_default_workflow(news, english):
    assert not Workflow.objects.filter(name=WAGTAIL_DEFAULT_WORKFLOW, active=True).exists()
    assert news.get_workflow() is None
    assert HomePage.objects.get(locale=english, depth=2).get_workflow() is None


@pytest.fixture
def published_in_english(translator, news, english, django_capture_on_commit_callbacks):
    """The news item, its section and the home page published in English."""
    translation = submit_translation(translator, news, english, django_capture_on_commit_callbacks)
    for ancestor in translation.get_ancestors().filter(depth__gt=1).specific():
        ancestor.save_revision().publish()
    return publish_translation(translator, translation, django_capture_on_commit_callbacks)


def test_the_language_switcher_links_the_translation(client, news, published_in_english):
    client.logout()
    dutch = client.get(news.url).content.decode()
    assert f'href="{published_in_english.url}" hreflang="en" lang="en">English<' in dutch
    english = client.get(published_in_english.url).content.decode()
    assert f'href="{news.url}" hreflang="nl" lang="nl">Nederlands<' in english


def test_without_a_translation_the_switcher_leads_to_the_other_languages_home(
    client, news, published_in_english
):
    other = NewsPage.objects.live().filter(locale__language_code="nl").exclude(pk=news.pk).first()
    english_home = Page.objects.get(locale__language_code="en", depth=2)
    assert f'href="{english_home.url}" hreflang="en"' in client.get(other.url).content.decode()


def test_no_switch_to_a_language_without_a_published_home(client, news):
    assert 'hreflang="en"' not in client.get(news.url).content.decode()


def test_hreflang_alternates_in_head_and_sitemap(client, news, published_in_english):
    dutch_url, english_url = news.get_full_url(), published_in_english.get_full_url()
    head = client.get(news.url).content.decode().split("</head>")[0]
    assert f'<link rel="alternate" hreflang="nl" href="{dutch_url}">' in head
    assert f'<link rel="alternate" hreflang="en" href="{english_url}">' in head
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{english_url}</loc>" in sitemap
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{english_url}"/>' in sitemap
    assert sitemap.count(f'hreflang="nl" href="{dutch_url}"') == 2  # on both versions' entries


def test_translators_keep_their_right_after_the_database_was_emptied(client, news):
    # wagtail-localize's migration made the permission; `manage.py flush` (or a test's) removes it.
    Permission.objects.filter(codename="submit_translation").delete()
    call_command("setup_roles", verbosity=0)

    client.force_login(make_user("vertaler-na-flush", TRANSLATORS))
    url = reverse("wagtail_localize:submit_page_translation", args=[news.pk])
    assert client.get(url).status_code == 200
