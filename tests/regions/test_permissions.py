"""The permission matrix: a coordinator keeps their own region and nothing else; national editors
keep everything. Checked through Wagtail's page permission testers and through the admin."""

import pytest
from wagtail.models import Page
from wagtail.permissions import policy_registry

from knowledge.models import ArticlePage, HomePage, KnowledgeIndexPage, NewsIndexPage
from tests.knowledge.factories import NewsPageFactory
from themes.models import ThemePage

from .conftest import make_plan

pytestmark = pytest.mark.django_db


def add_news(parent, slug):
    return NewsPageFactory(parent=parent, title=f"Nieuws {slug}", slug=slug, intro="Kort bericht.")


@pytest.fixture
def pages(rijnmond, groningen):
    return {
        "own region": rijnmond,
        "own news": add_news(rijnmond, "nieuws-rijnmond"),
        "other region": groningen,
        "other news": add_news(groningen, "nieuws-groningen"),
        "home": HomePage.objects.get(depth=2, locale__language_code="nl"),
        "news index": NewsIndexPage.objects.get(locale__language_code="nl"),
        "national news": add_news(NewsIndexPage.objects.get(locale__language_code="nl"), "landelijk"),
        "kennisbank": KnowledgeIndexPage.objects.get(locale__language_code="nl"),
        "national article": ArticlePage.objects.child_of(
            KnowledgeIndexPage.objects.get(locale__language_code="nl")
        )
        .live()
        .first(),
        "theme": ThemePage.objects.filter(locale__language_code="nl").first(),
    }


def rights(page, user):
    tester = page.permissions_for_user(user)
    return {
        "edit": tester.can_edit(),
        "publish": tester.can_publish(),
        "delete": tester.can_delete(),
        "move": tester.can_move(),
        "unpublish": tester.can_unpublish(),
    }


NOTHING = {"edit": False, "publish": False, "delete": False, "move": False, "unpublish": False}


def test_coordinator_edits_and_publishes_in_own_region(coordinator, pages):
    assert rights(pages["own news"], coordinator) == {
        "edit": True,
        "publish": True,
        "delete": True,
        "move": True,
        "unpublish": True,
    }
    assert pages["own region"].permissions_for_user(coordinator).can_add_subpage()


def test_coordinator_cannot_delete_move_or_unpublish_the_region_page_itself(coordinator, pages):
    assert rights(pages["own region"], coordinator) == {
        "edit": True,
        "publish": True,
        "delete": False,
        "move": False,
        "unpublish": False,
    }


@pytest.mark.parametrize(
    "name",
    [
        "other region",
        "other news",
        "home",
        "news index",
        "national news",
        "kennisbank",
        "national article",
        "theme",
    ],
)
def test_coordinator_has_no_rights_outside_own_region(coordinator, pages, name):
    assert rights(pages[name], coordinator) == NOTHING


def test_coordinator_cannot_add_in_another_region_or_move_content_there(coordinator, pages):
    assert not pages["other region"].permissions_for_user(coordinator).can_add_subpage()
    assert not pages["own news"].permissions_for_user(coordinator).can_move_to(pages["other region"])
    assert not pages["own news"].permissions_for_user(coordinator).can_move_to(pages["news index"])


def test_coordinator_may_submit_to_the_kennisbank_but_not_publish_there(coordinator, pages):
    kennisbank = pages["kennisbank"].permissions_for_user(coordinator)
    assert kennisbank.can_add_subpage()
    assert not kennisbank.can_publish_subpage()
    assert pages["kennisbank"].get_workflow().name == "Kennisbank"


@pytest.mark.parametrize("name", ["other region", "other news", "national news", "national article"])
def test_national_editor_has_every_right(national_editor, pages, name):
    expected = {"edit": True, "publish": True, "delete": True, "move": True, "unpublish": True}
    assert rights(pages[name], national_editor) == expected


def test_annual_plan_is_published_by_approval_not_by_the_coordinator(coordinator, national_editor, rijnmond):
    plan = make_plan(rijnmond, live=False)
    assert plan.permissions_for_user(coordinator).can_edit()
    assert not plan.permissions_for_user(coordinator).can_publish()
    assert plan.permissions_for_user(national_editor).can_publish()


# The same rules through the admin


def test_admin_refuses_editing_another_region(client, coordinator, pages):
    client.force_login(coordinator)
    other = pages["other news"]
    assert client.get(f"/admin/pages/{other.pk}/edit/").status_code == 302
    response = client.post(
        f"/admin/pages/{other.pk}/edit/",
        {"title": "Gekaapt", "slug": other.slug, "intro": "x", "action-publish": "1"},
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.title == "Nieuws nieuws-groningen"


@pytest.mark.parametrize("name", ["other news", "national news", "own region"])
def test_admin_refuses_deleting_outside_own_content(client, coordinator, pages, name):
    client.force_login(coordinator)
    page = pages[name]
    client.post(f"/admin/pages/{page.pk}/delete/")
    assert type(page).objects.filter(pk=page.pk).exists()


def test_admin_refuses_moving_own_content_to_another_region(client, coordinator, pages):
    client.force_login(coordinator)
    page, target = pages["own news"], pages["other region"]
    client.post(f"/admin/pages/{page.pk}/move/{target.pk}/confirm/")
    page.refresh_from_db()
    assert page.get_parent().pk == pages["own region"].pk


def test_admin_lets_the_coordinator_publish_in_own_region(client, coordinator, pages):
    client.force_login(coordinator)
    page = pages["own news"]
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Nieuw uit Rijnmond",
            "slug": page.slug,
            "intro": "Bijgewerkt.",
            "date": "2026-03-01",
            "body-count": "0",
            "action-publish": "1",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    assert page.title == "Nieuw uit Rijnmond" and page.live


def test_admin_explorer_shows_the_coordinator_only_their_region_and_the_kennisbank(coordinator, pages):
    explorable = policy_registry.get_by_type(Page).explorable_instances(coordinator)
    assert {pages["own region"].pk, pages["own news"].pk, pages["kennisbank"].pk} <= set(
        explorable.values_list("pk", flat=True)
    )
    for name in ("other region", "other news", "news index", "national news", "theme"):
        assert not explorable.filter(pk=pages[name].pk).exists()


def test_only_national_editors_may_tie_a_region_page_to_another_region(
    client, coordinator, national_editor, pages
):
    url = f"/admin/pages/{pages['own region'].pk}/edit/"
    client.force_login(coordinator)
    assert 'name="region"' not in client.get(url).content.decode()
    client.force_login(national_editor)
    assert 'name="region"' in client.get(url).content.decode()
