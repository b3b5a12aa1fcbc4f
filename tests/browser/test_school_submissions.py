"""A school contact of Rijnmond submits a knelpunt on the site; the coordinator accepts it in the
admin; the knelpunt appears on Rijnmond's arbeidsmarktregio-foto."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from regions.accounts import AccountRole, assign
from regions.models import RegionalPhotoPage, School
from tests.browser.admin_login import sign_in_to_admin
from tests.regions.factories import SchoolFactory

pytestmark = pytest.mark.browser

PASSWORD = "school-wachtwoord-2026"
TITLE = "Te weinig stageplekken met begeleiding in de zorg"


@pytest.fixture
def people(demo_site):
    call_command("setup_roles", verbosity=0)
    school = School.objects.filter(municipality__region__code="AM22").first() or SchoolFactory(
        region_code="AM22"
    )
    contact = get_user_model().objects.create_user(
        "contact@school.example", "contact@school.example", PASSWORD
    )
    assign(contact, school.municipality.region, AccountRole.SCHOOL_CONTACT, [school])
    coordinator = get_user_model().objects.create_user("coordinator-rijnmond", "c@rijnmond.example", PASSWORD)
    coordinator.groups.add(*Group.objects.filter(name__in=["Coördinator Rijnmond", "Netwerk coördinatoren"]))
    return contact, coordinator


def test_a_school_contacts_knelpunt_reaches_the_photo_once_accepted(demo_site, people, page, browser):
    page.goto(demo_site.url + "/school/inloggen/")
    page.fill("#id_username", "contact@school.example")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/school/melden/")
    page.get_by_label("Knelpunt", exact=True).check()
    page.select_option("#id_theme", index=1)
    page.fill("#id_title", TITLE)
    page.fill("#id_text", "Zorginstellingen nemen geen leerlingen met een begeleidingsvraag aan.")
    page.get_by_role("button", name="Versturen").click()
    page.get_by_text("Ter beoordeling").first.wait_for()

    photo = RegionalPhotoPage.objects.live().get(region__code="AM22", locale__language_code="nl")
    visitor = browser.new_context(locale="nl-NL").new_page()
    visitor.goto(demo_site.url + photo.url)
    assert visitor.get_by_text(TITLE).count() == 0

    coordinator_page = browser.new_context(locale="nl-NL").new_page()
    sign_in_to_admin(coordinator_page, demo_site.url, "coordinator-rijnmond", PASSWORD)
    assert coordinator_page.get_by_text("1 knelpunt of ontwikkelpunt ter beoordeling").is_visible()
    coordinator_page.get_by_text("1 knelpunt of ontwikkelpunt ter beoordeling").click()
    coordinator_page.get_by_role("link", name=TITLE).click()
    coordinator_page.get_by_label("Accepteren: op de arbeidsmarktregio-foto").check()
    coordinator_page.get_by_role("button", name="Besluit opslaan").click()
    coordinator_page.get_by_text("staat nu op de arbeidsmarktregio-foto").wait_for()

    visitor.goto(demo_site.url + photo.url)
    assert visitor.get_by_text(TITLE).count() >= 1
