"""Schools in the admin: listed, filtered by region and type, and editable."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from regions.models import Region, School

from .school_data import make_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("beheerder", "beheer@example.org", "pw")
    client.force_login(user)
    return client


def listed(admin_client, **filters):
    response = admin_client.get(reverse("wagtailsnippets_regions_school:list"), filters)
    assert response.status_code == 200
    html = response.content.decode()
    return {school.name for school in School.objects.all() if school.name in html}


def test_school_list_filters_by_region_and_type(admin_client):
    achterhoek_pro = make_schools("AM09", pro=2)
    achterhoek_vso = make_schools("AM09", vso=1)
    twente = make_schools("AM10", pro=1)
    region = Region.objects.get(code="AM09")

    in_region = listed(admin_client, region=region.pk)
    assert {s.name for s in achterhoek_pro + achterhoek_vso} <= in_region
    assert twente[0].name not in in_region

    assert listed(admin_client, region=region.pk, school_type="vso") == {achterhoek_vso[0].name}


def test_school_list_sorts_by_region(admin_client):
    achterhoek = make_schools("AM09", pro=1)[0]
    twente = make_schools("AM10", pro=1)[0]
    url = reverse("wagtailsnippets_regions_school:list")

    by_region = "municipality__region__name"  # the column's sort key, as its header links it
    cases = ((by_region, [achterhoek, twente]), (f"-{by_region}", [twente, achterhoek]))
    for ordering, expected in cases:
        html = admin_client.get(url, {"ordering": ordering, "school_type": "pro"}).content.decode()
        assert sorted(expected, key=lambda school: html.index(school.name)) == expected


def test_school_can_be_edited_in_the_admin(admin_client):
    school = make_schools("AM09", pro=1)[0]
    url = reverse("wagtailsnippets_regions_school:edit", args=[school.pk])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(
        url,
        {
            "brin": school.brin,
            "location_number": school.location_number,
            "name": "Nieuwe naam",
            "school_type": "pro",
            "active": "",
            "address": "",
            "postcode": "",
            "place": "Doetinchem",
            "municipality": school.municipality_id,
            "website": "",
            "phone": "",
        },
    )

    assert response.status_code == 302
    school.refresh_from_db()
    assert (school.name, school.active) == ("Nieuwe naam", False)


def test_school_search_finds_imported_schools(admin_client):
    from .school_data import import_schools

    import_schools("duo_vso_vestigingen.csv")  # written in bulk, past any search index
    assert listed(admin_client, q="Vitus") == {"Vitus College"}


def test_school_list_exports_the_filtered_schools_as_csv(admin_client):
    achterhoek = make_schools("AM09", pro=2)
    twente = make_schools("AM10", pro=1)
    region = Region.objects.get(code="AM09")

    response = admin_client.get(
        reverse("wagtailsnippets_regions_school:list"), {"region": region.pk, "export": "csv"}
    )

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    assert all(school.location_number in content for school in achterhoek)
    assert twente[0].location_number not in content
    assert "Achterhoek" in content


def test_school_export_carries_no_formulas(admin_client):
    school = make_schools("AM09", pro=1)[0]
    School.objects.filter(pk=school.pk).update(
        name='=HYPERLINK("http://x.test";"klik")', phone="+31612345678"
    )

    response = admin_client.get(reverse("wagtailsnippets_regions_school:list"), {"export": "csv"})

    content = b"".join(response.streaming_content).decode("utf-8-sig")
    row = next(row for row in csv.reader(io.StringIO(content)) if school.location_number in row)
    assert '\'=HYPERLINK("http://x.test";"klik")' in row
    assert "'+31612345678" in row


def test_school_list_says_in_dutch_whether_a_school_is_active(admin_client):
    make_schools("AM09", pro=1)
    School.objects.filter(municipality__region__code="AM09").update(active=False)
    region = Region.objects.get(code="AM09")
    html = admin_client.get(
        reverse("wagtailsnippets_regions_school:list"), {"region": region.pk}
    ).content.decode()
    start = html.index('<table class="listing')
    listing = html[start : html.index("</table>", start)]
    cells = ["".join(cell.split()) for cell in listing.split("<td")[1:]]
    assert any(cell.startswith(">Nee</td>") for cell in cells)
    assert "True" not in listing and "False" not in listing
