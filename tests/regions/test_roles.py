"""`manage.py setup_roles`: the groups, their reach, the Kennisbank workflow, the private network
area, and the demo coordinator who keeps one region and nothing else."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
)
from wagtail.permissions import policy_registry

from knowledge.models import ArticlePage, KnowledgeIndexPage, NetworkPage
from regions.models import AnnualPlanPage, RegionalPhotoPage

from .conftest import make_photo, make_plan, make_user
from .factories import SchoolFactory

pytestmark = pytest.mark.django_db


def setup_roles(*options):
    out = io.StringIO()
    call_command("setup_roles", *options, stdout=out)
    return out.getvalue()


def test_groups_have_dutch_names_per_region():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "Landelijke redactie",
        "Netwerk coördinatoren",
        "Coördinator Rijnmond",
        "Stuurgroep Rijnmond",
        "Coördinator Groningen",
        "Stuurgroep Groningen",
    } <= names
    assert len([name for name in names if name.startswith("Coördinator ")]) == 35
    assert len([name for name in names if name.startswith("Stuurgroep ")]) == 35


def test_a_second_run_changes_nothing():
    def state():
        return [
            model.objects.count()
            for model in (
                Group,
                GroupPagePermission,
                GroupCollectionPermission,
                Collection,
                Workflow,
                WorkflowPage,
            )
        ]

    before = state()
    assert setup_roles() == "Rollen: alles was al ingericht, niets gewijzigd.\n"
    assert state() == before


def test_new_annual_plans_join_their_regions_workflow_and_old_ones_are_attached(rijnmond, groningen):
    assert make_plan(rijnmond).get_workflow().name == "Jaarplan Rijnmond"
    plan = make_plan(groningen)
    WorkflowPage.objects.filter(page=plan).delete()
    assert "workflowkoppelingen: 1 nieuw" in setup_roles()
    assert AnnualPlanPage.objects.get(pk=plan.pk).get_workflow().name == "Jaarplan Groningen"


def test_coordinator_adds_images_only_to_the_own_collection(coordinator):
    policy = policy_registry.get_by_type(get_image_model())
    collections = policy.collections_user_has_permission_for(coordinator, "add")
    assert [collection.name for collection in collections] == ["Regio Rijnmond"]


def test_network_area_is_for_the_network_group_and_national_editors(client, coordinator, national_editor):
    network = NetworkPage.objects.get(depth=3)
    outsider = make_user("buitenstaander")
    client.force_login(outsider)
    assert client.get(network.url).status_code != 200
    for member in (coordinator, national_editor):
        client.force_login(member)
        assert client.get(network.url).status_code == 200


def test_kennisbank_submission_waits_for_the_national_editors(client, coordinator, national_editor):
    kennisbank = KnowledgeIndexPage.objects.get(locale__language_code="nl")
    client.force_login(coordinator)
    response = client.post(
        f"/admin/pages/add/knowledge/articlepage/{kennisbank.pk}/",
        {
            "title": "Stagewijzer Rijnmond",
            "slug": "stagewijzer-rijnmond",
            "kind": "handreiking",
            "date": "2026-03-01",
            "intro": "Een wijzer voor stages.",
            "body-count": "0",
            "attachments-TOTAL_FORMS": "0",
            "attachments-INITIAL_FORMS": "0",
            "attachments-MIN_NUM_FORMS": "0",
            "attachments-MAX_NUM_FORMS": "1000",
            "for_pro": "on",
            "action-submit": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = ArticlePage.objects.get(slug="stagewijzer-rijnmond")
    assert article.workflow_in_progress and not article.live

    client.force_login(national_editor)
    task_state = article.current_workflow_task_state
    client.post(f"/admin/pages/workflow/action/{article.pk}/approve/{task_state.pk}/", {"comment": ""})
    assert ArticlePage.objects.get(pk=article.pk).live


# The demo coordinator, as `make run` makes them


@pytest.fixture
def demo_coordinator():
    setup_roles("--demo-accounts")
    return get_user_model().objects.get(username="coordinator")


def school_in(region_code):
    return SchoolFactory(region_code=region_code, name=f"Testschool {region_code}", school_type="pro")


def test_demo_coordinator_keeps_the_own_photo_and_plan(client, demo_coordinator, rijnmond, groningen):
    own_photo, own_plan = make_photo(rijnmond), make_plan(rijnmond)
    other_photo, other_plan = make_photo(groningen), make_plan(groningen)
    client.force_login(demo_coordinator)
    for page in (own_photo, own_plan):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    for page in (other_photo, other_plan):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 302
    assert RegionalPhotoPage.objects.get(pk=own_photo.pk).permissions_for_user(demo_coordinator).can_publish()


def test_demo_coordinator_keeps_the_schools_of_the_own_region_only(client, demo_coordinator):
    own, other = school_in("AM22"), school_in("AM01")
    client.force_login(demo_coordinator)

    listing = client.get("/admin/snippets/regions/school/")
    assert listing.status_code == 200
    assert "Testschool AM22" in listing.content.decode()
    assert "Testschool AM01" not in listing.content.decode()

    assert client.get(f"/admin/snippets/regions/school/edit/{own.pk}/").status_code == 200
    assert client.get(f"/admin/snippets/regions/school/edit/{other.pk}/").status_code != 200
    client.post(f"/admin/snippets/regions/school/edit/{other.pk}/", {"name": "Gekaapt"})
    other.refresh_from_db()
    assert other.name == "Testschool AM01"


def test_national_editors_keep_every_school(client, national_editor):
    school_in("AM22"), school_in("AM01")
    client.force_login(national_editor)
    listing = client.get("/admin/snippets/regions/school/").content.decode()
    assert "Testschool AM22" in listing and "Testschool AM01" in listing


def test_steering_group_member_sees_no_pages_or_schools(client, steering_member, rijnmond):
    client.force_login(steering_member)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{rijnmond.pk}/edit/").status_code == 302
    assert client.get("/admin/snippets/regions/school/").status_code == 302


def test_the_demo_school_contact_signs_in_on_the_site_and_submits_for_a_rijnmond_school(client):
    school_in("AM01")
    setup_roles("--demo-accounts")

    signed_in = client.post("/school/inloggen/", {"username": "school", "password": "school"}, follow=True)
    assert signed_in.redirect_chain[-1][0].endswith("/school/melden/")
    form = client.get("/school/melden/")
    assert form.status_code == 200
    [school] = form.context["form"].fields["school"].queryset
    assert school.municipality.region.code == "AM22"
