"""A coordinator places schools only in the municipalities of the regions they coordinate: the school
form offers no others, and a forged POST with another region's municipality is refused and changes
nothing. National editors and superusers keep every municipality."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from regions.models import Municipality, RegionPage, School

from .conftest import make_user
from .factories import SchoolFactory

pytestmark = pytest.mark.django_db

OTHER_REGION = "Kies een gemeente in een arbeidsmarktregio die u coördineert."


def edit_url(school):
    return reverse("wagtailsnippets_regions_school:edit", args=[school.pk])


def form_data(school, **changes):
    data = {
        "brin": school.brin,
        "location_number": school.location_number,
        "name": school.name,
        "school_type": school.school_type,
        "active": "on" if school.active else "",
        "address": school.address,
        "postcode": school.postcode,
        "place": school.place,
        "municipality": school.municipality_id,
        "website": school.website,
        "phone": school.phone,
    }
    return {**data, **changes}


def caseload_schools(region_code):
    page = RegionPage.objects.get(region__code=region_code, locale__language_code="nl")
    return page.people_and_schools()["caseload"].schools


def municipalities(*region_codes):
    return set(Municipality.objects.filter(region__code__in=region_codes))


def offered(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return set(response.context["form"].fields["municipality"].queryset)


def grant(group_name, codename):
    Group.objects.get(name=group_name).permissions.add(Permission.objects.get(codename=codename))


@pytest.fixture
def own_school(db):
    return SchoolFactory(region_code="AM22", name="Eigen school")


@pytest.fixture
def groningen_municipality(db):
    return Municipality.objects.filter(region__code="AM01").first()


def test_coordinator_cannot_move_a_school_into_another_region(
    client, coordinator, own_school, groningen_municipality
):
    client.force_login(coordinator)
    before = (caseload_schools("AM22"), caseload_schools("AM01"))

    response = client.post(
        edit_url(own_school),
        form_data(own_school, municipality=groningen_municipality.pk, name="Verhuisd"),
    )

    assert response.status_code == 200
    assert OTHER_REGION in response.content.decode()
    assert OTHER_REGION in response.context["form"].errors["municipality"]
    own_school.refresh_from_db()
    assert (own_school.municipality.region.code, own_school.name) == ("AM22", "Eigen school")
    assert (caseload_schools("AM22"), caseload_schools("AM01")) == before


def test_coordinator_is_offered_only_the_own_regions_municipalities(client, coordinator, own_school):
    client.force_login(coordinator)
    assert offered(client, edit_url(own_school)) == municipalities("AM22")


def test_coordinator_of_two_regions_is_offered_both(client, own_school):
    user = make_user("coordinator-twee", "Coördinator Rijnmond", "Coördinator Groningen")
    client.force_login(user)
    assert offered(client, edit_url(own_school)) == municipalities("AM22", "AM01")


def test_coordinator_still_moves_a_school_within_the_own_region(client, coordinator, own_school):
    other_own = (
        Municipality.objects.filter(region__code="AM22").exclude(pk=own_school.municipality_id).first()
    )
    client.force_login(coordinator)

    response = client.post(edit_url(own_school), form_data(own_school, municipality=other_own.pk))

    assert response.status_code == 302
    own_school.refresh_from_db()
    assert own_school.municipality == other_own


def test_national_editor_and_superuser_are_offered_every_municipality(client, national_editor, own_school):
    everything = set(Municipality.objects.all())
    client.force_login(national_editor)
    assert offered(client, edit_url(own_school)) == everything
    client.force_login(get_user_model().objects.create_superuser("beheerder", "beheer@example.org", "pw"))
    assert offered(client, edit_url(own_school)) == everything


def test_national_editor_can_move_a_school_to_another_region(
    client, national_editor, own_school, groningen_municipality
):
    before = (caseload_schools("AM22"), caseload_schools("AM01"))
    client.force_login(national_editor)

    response = client.post(
        edit_url(own_school), form_data(own_school, municipality=groningen_municipality.pk)
    )

    assert response.status_code == 302
    own_school.refresh_from_db()
    assert own_school.municipality == groningen_municipality
    assert (caseload_schools("AM22"), caseload_schools("AM01")) == (before[0] - 1, before[1] + 1)


def test_coordinator_adds_no_schools(client, coordinator, groningen_municipality):
    client.force_login(coordinator)
    url = reverse("wagtailsnippets_regions_school:add")
    school = SchoolFactory.build(municipality=groningen_municipality, name="Nieuwe school")

    assert client.get(url).status_code != 200
    client.post(url, form_data(school))
    assert not School.objects.filter(name="Nieuwe school").exists()


def test_coordinator_allowed_to_add_adds_only_in_the_own_region(client, coordinator, groningen_municipality):
    grant("Coördinator Rijnmond", "add_school")
    client.force_login(coordinator)
    url = reverse("wagtailsnippets_regions_school:add")
    assert offered(client, url) == municipalities("AM22")

    school = SchoolFactory.build(municipality=groningen_municipality, name="Nieuwe school")
    response = client.post(url, form_data(school))

    assert OTHER_REGION in response.context["form"].errors["municipality"]
    assert not School.objects.filter(name="Nieuwe school").exists()


def test_coordinator_copies_a_school_only_into_the_own_region(
    client, coordinator, own_school, groningen_municipality
):
    grant("Coördinator Rijnmond", "add_school")
    client.force_login(coordinator)
    url = reverse("wagtailsnippets_regions_school:copy", args=[own_school.pk])
    assert offered(client, url) == municipalities("AM22")

    copy = form_data(own_school, location_number="99ZZ99", municipality=groningen_municipality.pk)
    response = client.post(reverse("wagtailsnippets_regions_school:add"), copy)

    assert OTHER_REGION in response.context["form"].errors["municipality"]
    assert not School.objects.filter(location_number="99ZZ99").exists()


def test_coordinator_allowed_to_delete_deletes_only_in_the_own_region(client, coordinator, own_school):
    grant("Coördinator Rijnmond", "delete_school")
    other = SchoolFactory(region_code="AM01", name="School in Groningen")
    client.force_login(coordinator)

    client.post(reverse("wagtailsnippets_regions_school:delete", args=[other.pk]))
    assert School.objects.filter(pk=other.pk).exists()
    bulk_delete = reverse("wagtail_bulk_action", args=["regions", "school", "delete"])
    client.post(f"{bulk_delete}?id={other.pk}")
    assert School.objects.filter(pk=other.pk).exists()

    client.post(reverse("wagtailsnippets_regions_school:delete", args=[own_school.pk]))
    assert not School.objects.filter(pk=own_school.pk).exists()
