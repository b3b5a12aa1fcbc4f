"""The national overview of the 35 regions: figures after a DUO import, sorting, CSV, the
columns from the photo, annual plan and steering group, and a fixed number of queries."""

import csv
import datetime
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from regions.models import RegionCoordinator, RegionIndexPage, RegionPage, School
from tests.knowledge.factories import EventPageFactory

from .factories import RegionalPhotoPageFactory
from .school_data import import_schools, make_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def overview_url(db):
    index = RegionIndexPage.objects.get(locale__language_code="nl")
    return index.url + index.reverse_subpage("overview")


@pytest.fixture
def csv_url(db):
    index = RegionIndexPage.objects.get(locale__language_code="nl")
    return index.url + index.reverse_subpage("overview_csv")


def table_rows(html):
    """{region name: [cell texts]} of the overview table, in the order shown."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        cells = [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        rows[cells[0]] = cells[1:]
    return rows


def csv_rows(client, url):
    response = client.get(url)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_overview_shows_all_35_regions_with_caseload_after_a_duo_import(client, overview_url):
    School.objects.all().delete()
    import_schools("duo_vo_vestigingen.csv")
    import_schools("duo_vso_vestigingen.csv")

    response = client.get(overview_url)

    assert response.status_code == 200
    rows = table_rows(response.content.decode())
    assert len(rows) == 35
    # code, pro, vso, schools, hours, fte
    assert rows["Groningen"][:6] == ["AM01", "2", "0", "2", "2,7", "0,07"]  # Assen and Groningen
    assert rows["Rijnmond"][:6] == ["AM22", "2", "0", "2", "2,7", "0,07"]
    assert rows["Midden-Brabant"][:6] == ["AM26", "0", "1", "1", "1,3", "0,04"]
    assert rows["Achterhoek"][:6] == ["AM09", "0", "0", "0", "0,0", "0,00"]
    assert "80 minuten per school per week; een voltijdweek is 36 uur" in response.content.decode()


def test_overview_counts_a_region_with_a_known_number_of_schools(client, overview_url):
    make_schools("AM09", pro=20, vso=7)
    make_schools("AM09", vso=3, active=False)
    rows = table_rows(client.get(overview_url).content.decode())
    # 27 × 80 min = 36 h = one full-time week
    assert rows["Achterhoek"][:6] == ["AM09", "20", "7", "27", "36,0", "1,00"]


def test_sorting_by_schools_descending_and_back(client, overview_url):
    make_schools("AM09", pro=40)
    html = client.get(overview_url + "?sort=-schools").content.decode()
    assert list(table_rows(html))[0] == "Achterhoek"
    header = r'<th scope="col" aria-sort="descending"><a href="\?sort=schools[^"]*">Scholen'
    assert re.search(header, html)

    html = client.get(overview_url + "?sort=schools").content.decode()
    assert list(table_rows(html))[-1] == "Achterhoek"
    assert 'aria-sort="ascending"' in html


@pytest.mark.parametrize("sort", ["nonsense", "-", "--region", "region;drop", "pk", ""])
def test_unknown_sort_keys_fall_back_to_the_region_name(client, overview_url, sort):
    response = client.get(overview_url, {"sort": sort, "figuur": "nonsense"})
    assert response.status_code == 200
    names = list(table_rows(response.content.decode()))
    assert names == sorted(names, key=str.lower)


def test_coordinators_are_named_but_their_contacts_stay_on_the_region_page(client, overview_url):
    page = RegionPage.objects.get(region__code="AM09", locale__language_code="nl")
    page.coordinators = [RegionCoordinator(name="Femke Kok", email="f.kok@example.org", phone="0314999999")]
    page.save_revision().publish()

    html = client.get(overview_url).content.decode()

    assert table_rows(html)["Achterhoek"][6] == "Femke Kok"
    assert "f.kok@example.org" not in html
    assert "0314999999" not in html


def test_last_steering_group_meeting_is_the_latest_published_one_that_has_started(client, csv_url):
    page = RegionPage.objects.get(region__code="AM09", locale__language_code="nl")
    now = timezone.now()
    for days, live in ((-40, True), (-10, True), (-5, False), (20, True)):
        start = now + datetime.timedelta(days=days)
        EventPageFactory(
            parent=page,
            publish=live,
            title=f"Stuurgroep {days}",
            intro="Kwartaaloverleg",
            kind="stuurgroep",
            start=start,
            end=start + datetime.timedelta(hours=2),
        )

    achterhoek = next(row for row in csv_rows(client, csv_url) if row["Code"] == "AM09")

    expected = timezone.localtime(now - datetime.timedelta(days=10)).date()
    assert achterhoek["Laatste stuurgroep"] == expected.isoformat()


def test_csv_has_a_row_per_region_with_the_figures_and_dates(client, csv_url):
    make_schools("AM09", pro=3, vso=1)
    page = RegionPage.objects.get(region__code="AM09", locale__language_code="nl")
    RegionalPhotoPageFactory(parent=page, title="Foto Achterhoek", last_reviewed=datetime.date(2026, 3, 1))
    start = timezone.now() - datetime.timedelta(days=3)
    EventPageFactory(
        parent=page,
        title="Stuurgroep",
        intro="Overleg",
        kind="stuurgroep",
        start=start,
        end=start + datetime.timedelta(hours=1),
    )

    rows = csv_rows(client, csv_url)

    assert len(rows) == 35
    achterhoek = next(row for row in rows if row["Code"] == "AM09")
    hours = next(key for key in achterhoek if key.startswith("Caseload (uur per week)"))
    assert "80 minuten per school per week" in hours  # the norm travels with the figure
    figures = (achterhoek["Pro-scholen"], achterhoek["Vso-scholen"], achterhoek[hours])
    assert figures == ("3", "1", "5.3")
    assert achterhoek["Arbeidsmarktregio-foto herzien"] == "2026-03-01"
    assert achterhoek["Laatste stuurgroep"] == timezone.localtime(start).date().isoformat()
    assert achterhoek["Jaarplan"] == "Geen jaarplan"


def test_csv_carries_no_formulas(client, csv_url):
    page = RegionPage.objects.get(region__code="AM09", locale__language_code="nl")
    page.coordinators = [RegionCoordinator(name='=HYPERLINK("http://x.test")', email="x@example.org")]
    page.save_revision().publish()

    achterhoek = next(row for row in csv_rows(client, csv_url) if row["Code"] == "AM09")

    assert achterhoek["Netwerkcoördinator"] == '\'=HYPERLINK("http://x.test")'


def test_csv_follows_the_chosen_sort(client, csv_url):
    make_schools("AM09", pro=40)
    rows = csv_rows(client, csv_url + "?sort=-schools")
    assert rows[0]["Code"] == "AM09"


def test_draft_photo_does_not_show_its_review_date(client, overview_url):
    page = RegionPage.objects.get(region__code="AM09", locale__language_code="nl")
    RegionalPhotoPageFactory(
        parent=page, publish=False, title="Foto Achterhoek", last_reviewed=datetime.date(2026, 3, 1)
    )
    assert table_rows(client.get(overview_url).content.decode())["Achterhoek"][7] == "–"


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_overview_queries_do_not_grow_with_the_number_of_schools(
    client, overview_url, csv_url, no_page_cache
):
    make_schools("AM09", pro=1)
    client.get(overview_url)  # warm Wagtail's site and locale caches
    few = count_queries(client, overview_url), count_queries(client, csv_url)

    for code in ("AM01", "AM09", "AM22", "AM30"):
        make_schools(code, pro=8, vso=5)

    assert (count_queries(client, overview_url), count_queries(client, csv_url)) == few
