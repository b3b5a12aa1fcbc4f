"""The regional photo and the annual plan as visitors, editors and API clients meet them."""

import datetime

import pytest

from regions.models import (
    AnnualPlanAction,
    AnnualPlanPage,
    ConsultationTable,
    Partner,
    RegionalPhotoPage,
)

from .conftest import make_photo, make_plan

pytestmark = pytest.mark.django_db


def test_photo_renders_its_tables_with_captions(client, rijnmond):
    photo = make_photo(
        rijnmond,
        live=False,
        last_reviewed=datetime.date(2026, 3, 2),
        bottlenecks=[("Te weinig leerwerkplekken in de haven", ["stage-en-uitstroomplaatsen"])],
        plans=["Regionaal plan Van school naar duurzaam werk Rijnmond"],
    )
    photo.consultation_tables = [
        ConsultationTable(
            name="Werkkamer Rijnmond",
            convenor="Gemeente Rotterdam",
            frequency="Maandelijks",
            representative="",
            relevant=False,
            relevance_reason="Gaat over volwassenen",
        )
    ]
    photo.partners = [Partner(kind="wsp", name="WSP Rijnmond", role="Plaatst schoolverlaters.")]
    photo.save_revision().publish()

    html = client.get(photo.url).content.decode()
    assert "<caption>Overlegtafels in Rijnmond</caption>" in html
    assert '<th scope="row">Werkkamer Rijnmond</th>' in html
    assert "Gaat over volwassenen" in html and "Niemand" in html
    assert "Werkgeversservicepunt (WSP)" in html and "WSP Rijnmond" in html
    assert "Van school naar duurzaam werk Rijnmond" in html
    assert "Te weinig leerwerkplekken in de haven" in html
    assert "Voldoende kwalitatieve stage- en uitstroomplaatsen" in html
    assert "2 maart 2026" in html


def test_photo_takes_the_region_of_its_region_page(rijnmond):
    assert make_photo(rijnmond).region.code == "AM22"


def test_a_region_has_one_photo(rijnmond, groningen):
    make_photo(rijnmond)
    assert not RegionalPhotoPage.can_create_at(rijnmond)
    assert RegionalPhotoPage.can_create_at(groningen)


def test_draft_photo_is_not_shown(client, rijnmond):
    photo = make_photo(rijnmond, live=False)
    assert client.get(f"{rijnmond.url}{photo.slug}/").status_code == 404


def test_plan_renders_goals_actions_and_status(client, rijnmond):
    plan = make_plan(
        rijnmond,
        actions=[("Banenmarkt voor schoolverlaters", ["stage-en-uitstroomplaatsen"], "bezig")],
    )
    html = client.get(plan.url).content.decode()
    assert "<caption>Acties in het jaarplan 2026</caption>" in html
    assert "Banenmarkt voor schoolverlaters" in html
    assert 'status--bezig">Bezig<' in html


def test_photo_and_plan_are_found_by_the_text_of_their_items(rijnmond):
    photo = make_photo(rijnmond, bottlenecks=[("Vervoer naar stageadressen", ["nazorg"])])
    plan = make_plan(rijnmond, actions=[("Fietsmaatjesproject", ["nazorg"], "gepland")])
    assert photo in RegionalPhotoPage.objects.live().search("stageadressen")
    assert plan in AnnualPlanPage.objects.live().search("fietsmaatjesproject")


def test_api_exposes_the_structured_items(client, rijnmond):
    photo = make_photo(rijnmond, bottlenecks=[("Vervoer", ["nazorg"])])
    plan = make_plan(rijnmond, actions=[("Fietsmaatjes", ["nazorg"], "bezig")])

    photo_data = client.get(f"/api/v2/pages/{photo.pk}/").json()
    assert photo_data["region"] == {"code": "AM22", "name": "Rijnmond"}
    assert photo_data["bottlenecks"][0]["themes"][0]["code"] == "nazorg"
    assert {"last_reviewed", "consultation_tables", "plans", "projects", "partners", "developments"} <= set(
        photo_data
    )

    plan_data = client.get(f"/api/v2/pages/{plan.pk}/").json()
    assert plan_data["year"] == 2026
    assert plan_data["actions"][0]["status"] == "bezig"
    assert {"goals", "progress_reports"} <= set(plan_data)


def test_goal_and_action_choices_are_limited_to_the_own_region(client, rijnmond, groningen, coordinator):
    make_photo(rijnmond, bottlenecks=[("Knelpunt Rijnmond", ["nazorg"])], plans=["Plan Rijnmond"])
    make_photo(groningen, bottlenecks=[("Knelpunt Groningen", ["nazorg"])], plans=["Plan Groningen"])
    client.force_login(coordinator)
    html = client.get(f"/admin/pages/add/regions/annualplanpage/{rijnmond.pk}/").content.decode()
    assert "Knelpunt Rijnmond" in html and "Plan Rijnmond" in html
    assert "Knelpunt Groningen" not in html and "Plan Groningen" not in html


def test_action_keeps_its_themes_and_bottlenecks_through_revisions(rijnmond):
    photo = make_photo(rijnmond, bottlenecks=[("Vervoer", ["nazorg"])])
    plan = make_plan(rijnmond, actions=[("Fietsmaatjes", ["nazorg", "dagbesteding"], "bezig")])
    plan = AnnualPlanPage.objects.get(pk=plan.pk)
    action = plan.actions.get()
    action.bottlenecks = [photo.bottlenecks.get()]
    plan.actions = [action]
    plan.save_revision().publish()
    stored = AnnualPlanAction.objects.get(page=plan)
    assert {theme.code for theme in stored.themes.all()} == {"nazorg", "dagbesteding"}
    assert [bottleneck.title for bottleneck in stored.bottlenecks.all()] == ["Vervoer"]


def test_demo_site_has_a_photo_and_a_plan_for_two_regions(client):
    for code in ("AM22", "AM01"):
        photo = RegionalPhotoPage.objects.live().get(region__code=code)
        plan = AnnualPlanPage.objects.live().get(region__code=code)
        assert client.get(photo.url).status_code == 200
        plan_page = client.get(plan.url).content.decode()
        assert "Werkgeversontbijt met het Werkgeversservicepunt" in plan_page
