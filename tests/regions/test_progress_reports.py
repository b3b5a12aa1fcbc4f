"""The quarterly progress report: a small page under the annual plan that the coordinator publishes
without the plan going back to the steering group; the steering group hears of it by e-mail; the
plan lists its quarters; the yearly cycle, the overview, the API and the dashboard read it."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import WorkflowState

from regions.models import AnnualPlanPage, ProgressReportPage, annual_plan_status
from regions.models.progress import previous_quarter

from .conftest import days_ago, make_plan, make_report, make_user
from .test_annual_plan_workflow import approve, submit
from .test_coordinator_dashboard import dashboard, meeting, panel_of
from .test_workflow_mail import body, mails_to

pytestmark = pytest.mark.django_db


def add_url(plan):
    return f"/admin/pages/add/regions/progressreportpage/{plan.pk}/"


def report_form(quarter=3, lines=(), **extra):
    data = {
        "title": f"Voortgang Q{quarter}",
        "slug": f"voortgang-q{quarter}",
        "quarter": str(quarter),
        "meeting_date": days_ago(3).isoformat(),
        "note": "Besproken met de directeuren.",
        "action_lines-TOTAL_FORMS": str(len(lines)),
        "action_lines-INITIAL_FORMS": "0",
        "action_lines-MIN_NUM_FORMS": "0",
        "action_lines-MAX_NUM_FORMS": "1000",
    }
    for index, (action, status, note) in enumerate(lines):
        data.update(
            {
                f"action_lines-{index}-action": action,
                f"action_lines-{index}-status": status,
                f"action_lines-{index}-note": note,
                f"action_lines-{index}-ORDER": str(index + 1),
                f"action_lines-{index}-DELETE": "",
            }
        )
    data.update(extra)
    return data


@pytest.fixture
def approved_plan(client, rijnmond, coordinator, steering_member):
    """This year's plan of Rijnmond, submitted by the coordinator and approved by the steering group."""
    plan = make_plan(
        rijnmond, year=timezone.localdate().year, live=False, actions=[("Banenmarkt", ["nazorg"], "bezig")]
    )
    client.force_login(coordinator)
    submit(client, plan)
    client.force_login(steering_member)
    approve(client, plan)
    plan = AnnualPlanPage.objects.get(pk=plan.pk)
    assert annual_plan_status(rijnmond).code == "goedgekeurd"
    return plan


def test_a_new_report_starts_with_the_quarter_and_the_plans_actions(client, approved_plan, coordinator):
    client.force_login(coordinator)
    html = client.get(add_url(approved_plan)).content.decode()
    year = approved_plan.year
    quarter = (timezone.localdate().month - 1) // 3 + 1
    assert f'value="Voortgang Q{quarter} {year}"' in html
    assert 'value="Banenmarkt"' in html
    assert 'name="action-publish"' in html
    assert 'name="action-submit"' not in html  # no workflow: the plan's does not reach the report
    forged = client.post(add_url(approved_plan), report_form(**{"action-submit": "1"}))
    assert forged.status_code in (302, 403)
    assert not ProgressReportPage.objects.child_of(approved_plan).exists()


def test_the_coordinator_publishes_a_report_without_the_plan_being_approved_again(
    client, rijnmond, approved_plan, coordinator, steering_member, smtp_server
):
    steering_member.email = "stuurgroep@rijnmond.example"
    steering_member.save()
    make_user("stuurgroep-groningen", "Stuurgroep Groningen")
    plan_revision = approved_plan.latest_revision_id
    client.force_login(coordinator)

    response = client.post(
        add_url(approved_plan),
        report_form(lines=[("Banenmarkt", "afgerond", "Honderd bezoekers.")], **{"action-publish": "1"}),
    )

    assert response.status_code == 302
    report = ProgressReportPage.objects.child_of(approved_plan).get()
    assert report.live and report.region == rijnmond.region
    assert not WorkflowState.objects.filter(object_id=str(report.pk)).exists()
    plan = AnnualPlanPage.objects.get(pk=approved_plan.pk)
    assert plan.latest_revision_id == plan_revision and not plan.has_unpublished_changes
    assert annual_plan_status(rijnmond).code == "goedgekeurd"

    [mail] = mails_to(smtp_server, "stuurgroep@rijnmond.example")
    assert mail["Subject"] == "Nieuw voortgangsverslag Rijnmond: Voortgang Q3"
    assert report.get_full_url() in body(mail)
    assert not mails_to(smtp_server, "stuurgroep-groningen@example.org")

    html = client.get(report.url).content.decode()
    assert "Honderd bezoekers." in html and 'status--afgerond">Afgerond<' in html
    assert client.get("/api/regions/AM22/").json()["cycle"]["last_progress_report"] == days_ago(3).isoformat()


def test_correcting_a_report_mails_nobody_again(client, approved_plan, coordinator, smtp_server):
    report = make_report(approved_plan, 3)
    sent = len(smtp_server.messages)
    client.force_login(coordinator)
    response = client.post(
        f"/admin/pages/{report.pk}/edit/",
        report_form(quarter=1, note="Verbeterd.", slug=report.slug, **{"action-publish": "1"}),
    )
    assert response.status_code == 302
    assert ProgressReportPage.objects.get(pk=report.pk).note == "Verbeterd."
    assert len(smtp_server.messages) == sent


def test_the_plan_lists_its_quarters_with_their_reports(client, rijnmond):
    plan = make_plan(rijnmond, year=2025)
    make_report(plan, 200, quarter=2, title="Voortgang tweede kwartaal")
    make_report(plan, 100, quarter=3, live=False, title="Concept derde kwartaal")

    html = client.get(plan.url).content.decode()

    assert "Voortgang tweede kwartaal" in html
    assert "Concept derde kwartaal" not in html
    section = html[html.index("Voortgang per kwartaal") :]
    assert section.count("Nog niet gerapporteerd.") == 3  # every quarter of 2025 has ended


def test_only_coordinators_of_the_region_add_reports(client, approved_plan, steering_member):
    other_coordinator = make_user("coordinator-groningen", "Coördinator Groningen", "Netwerk coördinatoren")
    for user in (other_coordinator, steering_member):
        client.force_login(user)
        response = client.post(add_url(approved_plan), report_form(**{"action-publish": "1"}))
        assert response.status_code in (302, 403)
        assert not ProgressReportPage.objects.child_of(approved_plan).exists()


def test_draft_reports_and_reports_on_draft_plans_do_not_count(client, rijnmond, groningen):
    make_report(make_plan(rijnmond, year=timezone.localdate().year), 10, live=False)
    make_report(make_plan(groningen, year=timezone.localdate().year, live=False), 10)
    assert client.get("/api/regions/AM22/").json()["cycle"]["last_progress_report"] is None
    assert client.get("/api/regions/AM01/").json()["cycle"]["last_progress_report"] is None


def test_the_api_lists_the_plans_published_reports(client, rijnmond):
    plan = make_plan(rijnmond, year=timezone.localdate().year)
    report = make_report(plan, 30, quarter=1)
    make_report(plan, 5, quarter=2, live=False)

    reports = client.get("/api/regions/AM22/").json()["annual_plan"]["progress_reports"]

    assert reports == [
        {
            "quarter": 1,
            "meeting_date": days_ago(30).isoformat(),
            "page": {
                "id": report.pk,
                "title": report.title,
                "url": report.get_full_url(),
                "api_url": f"http://testserver/api/v2/pages/{report.pk}/",
            },
        }
    ]
    page_data = client.get(f"/api/v2/pages/{report.pk}/").json()
    assert page_data["quarter"] == 1 and page_data["year"] == plan.year


def months_ago(months):
    today = timezone.localdate()
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    for day in range(today.day, 0, -1):
        try:
            return datetime.date(year, month + 1, day)
        except ValueError:
            continue


def test_the_dashboard_says_which_quarter_and_meeting_are_due(client, rijnmond, coordinator):
    year, quarter = previous_quarter(timezone.localdate())
    plan = make_plan(rijnmond, year=timezone.localdate().year)
    make_report(plan, 40, quarter=quarter - 1 if quarter > 1 else 4)  # another quarter only
    meeting(rijnmond, "directiebijeenkomst", -(timezone.localdate() - months_ago(14)).days, "Directie")

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")

    assert f"Voortgang Q{quarter} {year} nog niet gerapporteerd." in panel
    if year == plan.year:
        assert add_url(plan) in panel
    assert "Directiebijeenkomst: laatste 14 maanden geleden" in panel


def test_a_reported_quarter_is_not_due(client, rijnmond, coordinator):
    year, quarter = previous_quarter(timezone.localdate())
    make_report(make_plan(rijnmond, year=year), 20, quarter=quarter)
    panel = panel_of(dashboard(client, coordinator), "Rijnmond")
    assert "nog niet gerapporteerd" not in panel
