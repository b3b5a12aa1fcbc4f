"""Workflows that end: the steering group hears by e-mail that a plan waits for it, the coordinator
hears the outcome with the steering group's comment, and each step confirms itself on screen.
Mail goes through Django's SMTP backend to a real SMTP server (the `smtp_server` fixture)."""

import json

import pytest
from django.contrib.messages import get_messages

from regions.models import AnnualPlanPage

from .conftest import make_plan, make_user
from .test_annual_plan_workflow import approve, edit_form, submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(coordinator, steering_member):
    coordinator.email, steering_member.email = "coordinator@rijnmond.example", "stuurgroep@rijnmond.example"
    coordinator.save()
    steering_member.save()
    # Someone in another region's steering group hears nothing of Rijnmond's plan.
    make_user("stuurgroep-groningen", "Stuurgroep Groningen")
    return coordinator, steering_member


def mails_to(smtp_server, address):
    return [message for message in smtp_server.messages if address in message["To"]]


def body(message):
    return message.get_payload(decode=True).decode()


def test_the_steering_group_hears_that_a_plan_waits(client, rijnmond, people, smtp_server):
    coordinator, steering_member = people
    plan = make_plan(rijnmond, live=False, title="Jaarplan Rijnmond 2026")
    client.force_login(coordinator)

    response = submit(client, plan)

    [mail] = mails_to(smtp_server, steering_member.email)
    assert "Jaarplan Rijnmond 2026" in mail["Subject"]
    assert f"http://testserver/admin/pages/{plan.pk}/" in body(mail)
    assert len(smtp_server.messages) == 1  # not the coordinator, not Groningen's steering group
    assert any("ingediend" in str(message) for message in get_messages(response.wsgi_request))


def test_the_coordinator_hears_the_approval_with_the_comment(client, rijnmond, people, smtp_server):
    coordinator, steering_member = people
    plan = make_plan(rijnmond, live=False, title="Jaarplan Rijnmond 2026")
    client.force_login(coordinator)
    submit(client, plan)
    client.force_login(steering_member)

    response = approve(client, AnnualPlanPage.objects.get(pk=plan.pk), comment="Mooi plan, akkoord.")

    [mail] = mails_to(smtp_server, coordinator.email)
    assert "Jaarplan Rijnmond 2026" in mail["Subject"]
    assert "goedgekeurd" in body(mail)
    assert "Mooi plan, akkoord." in body(mail)
    assert any("goedgekeurd" in str(message) for message in get_messages(response.wsgi_request))


def test_the_coordinator_hears_a_rejection_with_the_comment(client, rijnmond, people, smtp_server):
    coordinator, steering_member = people
    plan = make_plan(rijnmond, live=False, title="Jaarplan Rijnmond 2026")
    client.force_login(coordinator)
    submit(client, plan)
    client.force_login(steering_member)
    task_state = AnnualPlanPage.objects.get(pk=plan.pk).current_workflow_task_state

    client.post(
        f"/admin/pages/workflow/action/{plan.pk}/reject/{task_state.pk}/",
        {"comment": "Koppel de acties aan de knelpunten."},
    )

    [mail] = mails_to(smtp_server, coordinator.email)
    assert "afgewezen" in body(mail) or "afgekeurd" in body(mail)
    assert "Koppel de acties aan de knelpunten." in body(mail)


def test_approving_in_the_page_editor_says_so_and_leads_to_the_dashboard(client, rijnmond, people):
    """The mail's link leads to the page editor; approving there confirms itself and lands where a
    steering group may look (the dashboard), not on the region's page listing, which it may not."""
    coordinator, steering_member = people
    plan = make_plan(rijnmond, live=False, title="Jaarplan Rijnmond 2026")
    client.force_login(coordinator)
    submit(client, plan)
    client.force_login(steering_member)

    response = client.post(
        f"/admin/pages/{plan.pk}/edit/",
        edit_form(
            plan,
            **{
                "action-workflow-action": "1",
                "workflow-action-name": "approve",
                "workflow-action-extra-data": json.dumps({"comment": "Akkoord."}),
            },
        ),
    )

    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert AnnualPlanPage.objects.get(pk=plan.pk).live
    assert any("is goedgekeurd" in str(message) for message in get_messages(response.wsgi_request))
    assert client.get(response["Location"]).status_code == 200
