"""Caseload: hours per week and FTE from the number of active schools, under the norm of the
settings, shown with the norm on the region page."""

from decimal import Decimal

import pytest

from regions.caseload import Norm, caseload_for
from regions.models import RegionPage

from .school_data import make_schools


def test_thirty_schools_take_forty_hours_which_is_more_than_one_fte():
    caseload = caseload_for(30, Norm(minutes_per_school=80, fulltime_hours=36))
    assert caseload.hours == Decimal("40.0")
    assert caseload.fte == Decimal("1.11")


def test_twenty_seven_schools_fill_exactly_one_full_time_week():
    caseload = caseload_for(27, Norm(80, 36))
    assert (caseload.hours, caseload.fte) == (Decimal("36.0"), Decimal("1.00"))


def test_no_schools_no_caseload():
    assert (caseload_for(0).hours, caseload_for(0).fte) == (0, 0)


def test_the_norm_comes_from_the_settings(settings):
    settings.CASELOAD_MINUTES_PER_SCHOOL = 60
    settings.CASELOAD_FULLTIME_HOURS = 40
    caseload = caseload_for(10)
    assert (caseload.hours, caseload.fte) == (Decimal("10.0"), Decimal("0.25"))
    assert str(caseload.norm) == "60 minuten per school per week; een voltijdweek is 40 uur"


@pytest.mark.django_db
def test_region_page_shows_the_caseload_of_its_active_schools_and_the_norm(client):
    page = RegionPage.objects.get(region__code="AM09", locale__language_code="nl")
    assert not page.people_and_schools()["caseload"].schools  # Achterhoek has no demo schools
    make_schools("AM09", pro=3, vso=1)
    make_schools("AM09", pro=2, active=False)  # inactive schools do not count

    html = client.get(page.url).content.decode()

    # 4 × 80 min = 5 h 20 min = 5,3 hours; 5⅓ / 36 = 0,15 FTE.
    assert "4 actieve scholen: een caseload van 5,3 uur per week (0,15 fte)." in html
    assert "80 minuten per school per week; een voltijdweek is 36 uur" in html
