import io

import pytest
from django.core.management import call_command

from regions.models import Municipality, Region
from themes.models import Theme

pytestmark = pytest.mark.django_db

MISSING_REGION_NUMBERS = {4, 16, 31}


def test_there_are_35_regions_with_the_cbs_codes():
    expected = {f"AM{n:02d}" for n in range(1, 39)} - {f"AM{n:02d}" for n in MISSING_REGION_NUMBERS}
    assert set(Region.objects.values_list("code", flat=True)) == expected


@pytest.mark.parametrize(
    "code, name",
    [
        ("AM01", "Groningen"),
        ("AM18", "Groot Amsterdam"),
        ("AM22", "Rijnmond"),
        ("AM35", "Gorinchem"),
        ("AM36", "Regio Zwolle"),
        ("AM38", "FoodValley"),
    ],
)
def test_regions_carry_their_official_names(code, name):
    assert Region.objects.get(code=code).name == name


def test_there_are_342_municipalities_each_in_one_region():
    assert Municipality.objects.count() == 342
    assert not Municipality.objects.filter(region__isnull=True).exists()


@pytest.mark.parametrize(
    "number, name, region_code",
    [
        ("0014", "Groningen", "AM01"),
        ("0106", "Assen", "AM01"),
        ("0363", "Amsterdam", "AM18"),
        ("0518", "'s-Gravenhage", "AM21"),
        ("0599", "Rotterdam", "AM22"),
        ("0772", "Eindhoven", "AM28"),
        ("0855", "Tilburg", "AM26"),
    ],
)
def test_municipalities_sit_in_the_right_region(number, name, region_code):
    municipality = Municipality.objects.select_related("region").get(number=number)
    assert municipality.name == name
    assert municipality.code == f"GM{number}"
    assert municipality.region.code == region_code


def test_municipality_counts_per_region_match_the_cbs_file():
    assert Region.objects.get(code="AM01").municipalities.count() == 14
    assert Region.objects.get(code="AM03").municipalities.count() == 6


def test_the_seven_themes_in_the_order_of_the_role_description():
    assert list(Theme.objects.values_list("code", "title")) == [
        ("stage-en-uitstroomplaatsen", "Voldoende kwalitatieve stage- en uitstroomplaatsen"),
        ("nazorg", "Passende nazorg met aandacht voor doorontwikkeling"),
        ("gemeentelijke-inzet", "Standaardisatie van de inzet van verschillende gemeenten in de regio"),
        ("nieuwkomers", "Passende routes voor nieuwkomers"),
        ("beschut-werk", "Voldoende plaatsen beschut werk of passende alternatieven"),
        ("dagbesteding", "Doorontwikkeling na uitstroom dagbesteding"),
        ("schoolverlaters-in-dienst", "Zelf schoolverlaters in dienst nemen"),
    ]
    assert all(Theme.objects.values_list("description", flat=True))


def test_load_reference_data_twice_changes_nothing():
    out = io.StringIO()
    call_command("load_reference_data", stdout=out)
    assert out.getvalue().splitlines() == [
        "arbeidsmarktregio's: 0 nieuw, 0 bijgewerkt, 35 ongewijzigd",
        "gemeenten: 0 nieuw, 0 bijgewerkt, 342 ongewijzigd",
        "thema's: 0 nieuw, 0 bijgewerkt, 7 ongewijzigd",
    ]


def test_load_reference_data_repairs_an_edited_row():
    Region.objects.filter(code="AM22").update(name="Verkeerd")
    out = io.StringIO()
    call_command("load_reference_data", stdout=out)
    assert Region.objects.get(code="AM22").name == "Rijnmond"
    assert "arbeidsmarktregio's: 0 nieuw, 1 bijgewerkt, 34 ongewijzigd" in out.getvalue()
