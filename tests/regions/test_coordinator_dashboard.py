"""The coordinator's dashboard: for each region they coordinate, the pages waiting, this year's plan
status, the next steering-group meeting, the caseload and what is due; in a fixed number of queries.
The steering group finds the plans waiting for it in Wagtail's own review panel."""

import datetime

import pytest
from django.test import RequestFactory
from django.utils import formats, timezone

from regions.caseload import caseload_for
from regions.dashboard import CoordinatorPanel
from regions.models import AnnualPlanPage, Region, School, SchoolSubmission
from regions.models.progress import previous_quarter
from tests.knowledge.factories import EventPageFactory, NewsPageFactory
from themes.models import Theme

from .conftest import bare_region_page, make_plan, make_report, make_user
from .factories import SchoolFactory
from .test_annual_plan_workflow import submit

pytestmark = pytest.mark.django_db


def meeting(region_page, kind, days_from_now, title, **extra):
    start = timezone.now() + datetime.timedelta(days=days_from_now)
    return EventPageFactory(
        parent=region_page,
        title=title,
        kind=kind,
        start=start,
        end=start + datetime.timedelta(hours=2),
        **extra,
    )


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return response.content.decode()


def panel_of(page, region_name):
    """The part of the dashboard under the heading of `region_name`'s panel."""
    start = page.index(f"Uw regio: {region_name}")
    return page[start : start + 20000]


def test_the_coordinator_sees_what_waits_in_their_region(client, rijnmond, groningen, coordinator):
    NewsPageFactory(parent=rijnmond, publish=False, title="Concept over de stagemarkt")
    edited = NewsPageFactory(parent=rijnmond, title="Gepubliceerd bericht")
    edited.title = "Gepubliceerd bericht, bijgewerkt"
    edited.save_revision()
    NewsPageFactory(parent=rijnmond, title="Niets aan veranderd")
    NewsPageFactory(parent=groningen, publish=False, title="Concept uit Groningen")
    plan = make_plan(rijnmond, live=False, title="Jaarplan Rijnmond dit jaar")
    client.force_login(coordinator)
    submit(client, plan)

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")

    assert "Concept over de stagemarkt" in panel and "concept" in panel
    assert "Gepubliceerd bericht, bijgewerkt" in panel and "niet-gepubliceerde wijzigingen" in panel
    assert "wacht op Akkoord stuurgroep Rijnmond" in panel
    assert "Niets aan veranderd" not in panel
    assert "Concept uit Groningen" not in panel
    assert f"/admin/pages/{plan.pk}/edit/" in panel
    assert "Ter goedkeuring bij de stuurgroep" in panel


def test_a_long_list_of_waiting_pages_shows_the_latest_ten_and_the_total(client, rijnmond, coordinator):
    for number in range(12):
        NewsPageFactory(parent=rijnmond, publish=False, title=f"Concept nummer {number:02d}")

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")

    assert "Concept nummer 11" in panel and "Concept nummer 02" in panel
    assert "Concept nummer 01" not in panel
    assert "12 pagina's in totaal" in panel


def test_the_next_steering_group_meeting_is_the_regions_first_one_ahead(
    client, rijnmond, groningen, coordinator
):
    meeting(rijnmond, "stuurgroep", -5, "Stuurgroep van vorige week")
    meeting(rijnmond, "stuurgroep", 40, "Stuurgroep in het najaar")
    first = meeting(rijnmond, "stuurgroep", 10, "Stuurgroep over het jaarplan")
    meeting(rijnmond, "stuurgroep", 3, "Stuurgroep nog in concept", publish=False)
    meeting(rijnmond, "werktafel", 1, "Werktafel zorg")
    meeting(groningen, "stuurgroep", 2, "Stuurgroep Groningen")

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")
    next_meeting = panel[panel.index("Volgende stuurgroep") : panel.index("Caseload")]

    assert "Stuurgroep over het jaarplan" in next_meeting
    assert formats.date_format(timezone.localtime(first.start), "j F Y, H:i") in next_meeting
    for other in ("vorige week", "najaar", "in concept", "Werktafel", "Groningen"):
        assert other not in next_meeting


def test_the_caseload_counts_the_regions_active_schools(client, rijnmond, coordinator):
    SchoolFactory(region_code="AM22")
    SchoolFactory(region_code="AM22", active=False)
    SchoolFactory(region_code="AM01")
    count = School.objects.active().in_region(rijnmond.region).count()
    caseload = caseload_for(count)

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")

    hours, fte = formats.localize(caseload.hours), formats.localize(caseload.fte)
    assert f"{count} actieve scholen: {hours} uur per week, {fte} fte" in panel
    assert "80 minuten per school per week" in panel


def test_what_is_overdue_is_due(client, rijnmond, coordinator):
    make_plan(rijnmond, live=True)  # no progress report yet; no directors' meeting ever

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")

    assert "Voortgang aan de stuurgroep: achterstallig, er is er nog geen." in panel
    assert "Directiebijeenkomst: achterstallig, er is er nog geen geweest." in panel


def test_a_region_that_is_up_to_date_has_nothing_due(client, rijnmond, coordinator):
    year, quarter = previous_quarter(timezone.localdate())
    plan = make_plan(rijnmond, year=year)
    make_report(plan, 20, quarter=quarter, note="Op schema")
    meeting(rijnmond, "directiebijeenkomst", -30, "Directiebijeenkomst voorjaar")

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")

    assert "Niets achterstallig" in panel
    assert "achterstallig, de laatste" not in panel


def test_a_coordinator_of_two_regions_sees_both_and_nobody_else_sees_a_region(
    client, rijnmond, groningen, steering_member, national_editor
):
    both = make_user("twee-regios", "Coördinator Rijnmond", "Coördinator Groningen", "Netwerk coördinatoren")
    page = dashboard(client, both)
    assert "Uw regio: Groningen" in page and "Uw regio: Rijnmond" in page

    for other in (steering_member, national_editor):
        assert "Uw regio:" not in dashboard(client, other)


def test_the_steering_group_finds_the_plan_waiting_in_wagtails_review_panel(
    client, rijnmond, coordinator, steering_member
):
    plan = make_plan(rijnmond, live=False, title="Jaarplan Rijnmond ter goedkeuring")
    client.force_login(coordinator)
    submit(client, plan)
    task_state = AnnualPlanPage.objects.get(pk=plan.pk).current_workflow_task_state

    page = dashboard(client, steering_member)

    assert "Jaarplan Rijnmond ter goedkeuring" in page
    assert f"/admin/pages/workflow/action/{plan.pk}/approve/{task_state.pk}/" in page


def render_panel(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    regions = list(Region.objects.filter(roles__coordinators__user=user).order_by("name"))
    return CoordinatorPanel(regions).render_html({"request": request})


@pytest.mark.parametrize("region_codes", [["AM22"], ["AM22", "AM01", "AM13"]])
def test_the_panel_takes_a_fixed_number_of_queries(django_assert_max_num_queries, region_codes):
    regions = Region.objects.filter(code__in=region_codes)
    user = make_user(
        "veel-regios", *[f"Coördinator {region.name}" for region in regions], "Netwerk coördinatoren"
    )
    for region in regions:
        region_page = bare_region_page(region.code)
        make_plan(region_page, live=False)
        for number in range(3):
            NewsPageFactory(parent=region_page, publish=False, title=f"Concept {number} {region.name}")
            meeting(region_page, "stuurgroep", 10 + number, f"Stuurgroep {number} {region.name}")
        school = SchoolFactory(region_code=region.code)
        for number in range(2):
            SchoolSubmission.objects.create(
                school=school,
                kind="knelpunt",
                theme=Theme.objects.first(),
                title=f"Punt {number}",
                text="Tekst",
            )

    with django_assert_max_num_queries(14):
        html = render_panel(user)

    assert html.count("Uw regio:") == len(region_codes)
    assert html.count("2 knelpunten of ontwikkelpunten ter beoordeling") == len(region_codes)
