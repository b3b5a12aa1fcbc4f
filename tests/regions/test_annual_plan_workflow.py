"""The annual plan goes from the coordinator to the region's steering group for approval, through
Wagtail's workflow in the admin; the approval publishes it and is recorded."""

import pytest
from wagtail.models import TaskState, WorkflowState

from regions.models import AnnualPlanPage, annual_plan_status
from themes.models import Theme

from .conftest import make_photo, make_plan, make_user

pytestmark = pytest.mark.django_db


def edit_form(plan, **extra):
    """The edit form of an annual plan without goals or actions."""
    data = {"title": plan.title, "slug": plan.slug, "year": str(plan.year), "intro": plan.intro}
    for relation in ("goals", "actions"):
        data.update(
            {
                f"{relation}-TOTAL_FORMS": "0",
                f"{relation}-INITIAL_FORMS": "0",
                f"{relation}-MIN_NUM_FORMS": "0",
                f"{relation}-MAX_NUM_FORMS": "1000",
            }
        )
    data.update(extra)
    return data


def submit(client, plan):
    return client.post(f"/admin/pages/{plan.pk}/edit/", edit_form(plan, **{"action-submit": "1"}))


def approve(client, plan, comment="Akkoord namens de directeuren."):
    task_state = plan.current_workflow_task_state
    return client.post(
        f"/admin/pages/workflow/action/{plan.pk}/approve/{task_state.pk}/", {"comment": comment}
    )


def test_the_plan_uses_its_regions_steering_group_workflow(rijnmond, groningen):
    assert make_plan(rijnmond, live=False).get_workflow().name == "Jaarplan Rijnmond"
    assert make_plan(groningen, live=False).get_workflow().name == "Jaarplan Groningen"


def test_from_submission_to_approval(client, rijnmond, coordinator, steering_member):
    plan = make_plan(rijnmond, live=False, intro="Wat we dit jaar doen.")
    client.force_login(coordinator)
    assert submit(client, plan).status_code == 302

    plan = AnnualPlanPage.objects.get(pk=plan.pk)
    assert plan.workflow_in_progress and not plan.live
    assert annual_plan_status(rijnmond, 2026).code == "ter-goedkeuring"

    client.force_login(steering_member)
    dashboard = client.get("/admin/")
    assert plan.title in dashboard.content.decode()
    assert approve(client, plan).status_code in (200, 302)

    plan = AnnualPlanPage.objects.get(pk=plan.pk)
    assert plan.live and not plan.workflow_in_progress
    status = annual_plan_status(rijnmond, 2026)
    assert status.code == "goedgekeurd"
    assert status.approved_by == steering_member and status.approved_at is not None
    assert plan.approval() == (steering_member, status.approved_at)


def test_the_steering_group_can_send_the_plan_back(client, rijnmond, coordinator, steering_member):
    plan = make_plan(rijnmond, live=False)
    client.force_login(coordinator)
    submit(client, plan)
    client.force_login(steering_member)
    task_state = AnnualPlanPage.objects.get(pk=plan.pk).current_workflow_task_state
    client.post(
        f"/admin/pages/workflow/action/{plan.pk}/reject/{task_state.pk}/",
        {"comment": "Koppel de acties aan de knelpunten."},
    )
    assert not AnnualPlanPage.objects.get(pk=plan.pk).live
    assert annual_plan_status(rijnmond, 2026).code == "aanpassen"


def test_another_regions_steering_group_cannot_approve(client, rijnmond, coordinator):
    plan = make_plan(rijnmond, live=False)
    client.force_login(coordinator)
    submit(client, plan)
    client.force_login(make_user("stuurgroep-groningen", "Stuurgroep Groningen"))
    approve(client, plan)
    plan = AnnualPlanPage.objects.get(pk=plan.pk)
    assert not plan.live and plan.workflow_in_progress
    assert plan.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS


def test_the_coordinator_cannot_publish_the_plan_directly(client, rijnmond, coordinator):
    plan = make_plan(rijnmond, live=False)
    client.force_login(coordinator)
    edit_page = client.get(f"/admin/pages/{plan.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page
    client.post(f"/admin/pages/{plan.pk}/edit/", edit_form(plan, **{"action-publish": "1"}))
    assert not AnnualPlanPage.objects.get(pk=plan.pk).live
    assert not WorkflowState.objects.filter(object_id=str(plan.pk), status="approved").exists()


def test_the_coordinator_cannot_create_a_published_plan(client, rijnmond, coordinator):
    client.force_login(coordinator)
    plan = AnnualPlanPage(title="Jaarplan 2027", slug="jaarplan-2027", year=2027)
    client.post(
        f"/admin/pages/add/regions/annualplanpage/{rijnmond.pk}/",
        edit_form(plan, **{"action-publish": "1"}),
    )
    assert not AnnualPlanPage.objects.filter(year=2027, live=True).exists()


def test_a_region_has_one_plan_per_year(client, rijnmond, coordinator):
    make_plan(rijnmond, year=2026)
    client.force_login(coordinator)
    duplicate = AnnualPlanPage(title="Nog een jaarplan", slug="nog-een", year=2026)
    response = client.post(f"/admin/pages/add/regions/annualplanpage/{rijnmond.pk}/", edit_form(duplicate))
    assert response.status_code == 200
    assert "al een jaarplan voor 2026" in response.content.decode()
    assert AnnualPlanPage.objects.child_of(rijnmond).count() == 1


def test_a_region_without_a_plan_reports_none(rijnmond, groningen):
    make_plan(groningen, year=2026, live=False)
    assert annual_plan_status(rijnmond, 2026).code == "geen"
    assert annual_plan_status(groningen, 2026).code == "concept"


def test_coordinator_builds_a_plan_in_the_admin(client, rijnmond, coordinator):
    photo = make_photo(rijnmond, bottlenecks=[("Vervoer naar stages", ["nazorg"])])
    bottleneck = photo.bottlenecks.get()
    theme_pk = Theme.objects.get(code="nazorg").pk
    plan = AnnualPlanPage(title="Jaarplan 2027", slug="jaarplan-2027", year=2027)
    data = edit_form(
        plan,
        **{
            "actions-TOTAL_FORMS": "1",
            "actions-0-title": "Fietsmaatjes",
            "actions-0-themes": [str(theme_pk)],
            "actions-0-status": "bezig",
            "actions-0-bottlenecks": [str(bottleneck.pk)],
            "actions-0-ORDER": "1",
            "actions-0-id": "",
            "actions-0-DELETE": "",
        },
    )
    client.force_login(coordinator)
    response = client.post(f"/admin/pages/add/regions/annualplanpage/{rijnmond.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]

    draft = AnnualPlanPage.objects.get(year=2027).get_latest_revision_as_object()
    action = draft.actions.get()
    assert [theme.code for theme in action.themes.all()] == ["nazorg"]
    assert [b.title for b in action.bottlenecks.all()] == ["Vervoer naar stages"]
    assert not AnnualPlanPage.objects.get(year=2027).live
