"""The yearly cycle made visible: the region page links its photo and annual plan with the plan's
status and approval date, its knelpunten and the dates of its last progress report, steering group
and directors' meeting; the national overview flags what is overdue; the API carries the same."""

import datetime

import pytest
from django.utils import timezone

from regions.models import RegionIndexPage
from tests.knowledge.factories import EventPageFactory

from .conftest import days_ago, make_photo, make_plan, make_report
from .test_overview import csv_rows, table_rows

pytestmark = pytest.mark.django_db


def meeting(region_page, kind, days_ago_started):
    start = timezone.now() - datetime.timedelta(days=days_ago_started)
    return EventPageFactory(
        parent=region_page,
        title=f"{kind} {days_ago_started}",
        intro="Overleg",
        kind=kind,
        start=start,
        end=start + datetime.timedelta(hours=2),
    )


@pytest.fixture
def overview_urls(db):
    index = RegionIndexPage.objects.get(locale__language_code="nl")
    return index.url + index.reverse_subpage("overview"), index.url + index.reverse_subpage("overview_csv")


def test_the_region_page_links_its_photo_and_plan_with_status_and_knelpunten(client, rijnmond):
    photo = make_photo(rijnmond, bottlenecks=[("Te weinig stageplekken in de zorg", ["nazorg"])])
    plan = make_plan(rijnmond, year=timezone.localdate().year, title="Jaarplan Rijnmond")

    html = client.get(rijnmond.url).content.decode()

    assert f'href="{photo.url}"' in html
    assert f'href="{plan.url}"' in html
    assert "Gepubliceerd" in html
    assert "Te weinig stageplekken in de zorg" in html


def test_a_draft_plan_shows_its_status_but_not_its_title_or_address(client, rijnmond):
    plan = make_plan(rijnmond, year=timezone.localdate().year, live=False, title="Geheim concept")

    html = client.get(rijnmond.url).content.decode()

    assert "Concept" in html
    assert "Geheim concept" not in html
    assert plan.url not in html


def test_the_overview_flags_regions_behind_on_progress_and_directors_meetings(
    client, rijnmond, groningen, overview_urls
):
    make_report(make_plan(rijnmond, year=timezone.localdate().year), 30)
    meeting(rijnmond, "directiebijeenkomst", 100)
    make_report(make_plan(groningen, year=timezone.localdate().year), 200)
    meeting(groningen, "directiebijeenkomst", 400)
    overview_url, csv_url = overview_urls

    rows = table_rows(client.get(overview_url).content.decode())
    progress_column, directors_column = 9, 11  # counted after the region name
    assert "achterstallig" not in rows["Rijnmond"][progress_column]
    assert "achterstallig" not in rows["Rijnmond"][directors_column]
    assert "achterstallig" in rows["Groningen"][progress_column]
    assert "achterstallig" in rows["Groningen"][directors_column]

    by_code = {row["Code"]: row for row in csv_rows(client, csv_url)}
    assert by_code["AM22"]["Laatste voortgang"] == days_ago(30).isoformat()
    assert by_code["AM01"]["Laatste voortgang"] == f"{days_ago(200).isoformat()} (achterstallig)"


def test_a_draft_plans_progress_does_not_count(client, rijnmond, overview_urls):
    make_report(make_plan(rijnmond, year=timezone.localdate().year, live=False), 10)
    by_code = {row["Code"]: row for row in csv_rows(client, overview_urls[1])}
    assert by_code["AM22"]["Laatste voortgang"] == "(achterstallig)"


def test_the_regions_api_carries_plan_status_and_cycle(client, rijnmond):
    plan = make_plan(rijnmond, year=timezone.localdate().year)
    make_report(plan, 30)
    meeting(rijnmond, "directiebijeenkomst", 100)
    photo = make_photo(rijnmond)

    data = client.get("/api/regions/AM22/").json()

    assert data["photo"]["id"] == photo.pk
    assert data["annual_plan"]["status"] == "gepubliceerd"
    assert data["annual_plan"]["page"]["id"] == plan.pk
    assert data["cycle"]["last_progress_report"] == days_ago(30).isoformat()
    assert data["cycle"]["progress_overdue"] is False
    assert data["cycle"]["directors_meeting_overdue"] is False
    assert client.get("/api/regions/AM01/").json()["cycle"]["directors_meeting_overdue"] is True
