"""The editors' and coordinators' working year, in Chromium from start to end (issue 16, "Done when"):
a national editor invites Rijnmond's coordinator; the coordinator chooses a password through the
mailed link and sends the annual plan to the steering group; the steering-group member follows the
mailed link and approves with a comment; the coordinator hears the outcome by mail; the plan shows
as approved on the region page and the national overview. A translation that a national editor
starts stays off the site until a translator publishes it. A school contact's knelpunt reaches the
regional photo once the coordinator accepts it."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from knowledge.models import HomePage, NewsPage
from knowledge.translators import TRANSLATORS
from regions.accounts import AccountRole, assign
from regions.models import AnnualPlanPage, RegionalPhotoPage, RegionPage, School
from regions.roles import NATIONAL_EDITORS
from tests.browser.admin_login import sign_in, sign_in_to_admin
from tests.regions.conftest import make_plan

pytestmark = pytest.mark.browser

PASSWORD = "werkjaar-wachtwoord-2026"
COORDINATOR_ADDRESS = "sanne.jansen@rijnmond.example"
STEERING_ADDRESS = "stuurgroep@rijnmond.example"
SCHOOL_ADDRESS = "contact@school.example"
COMMENT = "Mooi plan, akkoord namens de directeuren."
KNELPUNT = "Te weinig stageplekken met begeleiding in de zorg"
ENGLISH_TITLE = "Regional network meets employers"


def make_user(username, email, *group_names):
    user = get_user_model().objects.create_user(username, email, PASSWORD)
    user.groups.set(Group.objects.filter(name__in=group_names))
    return user


@pytest.fixture
def working_year(demo_site, settings):
    """The demo site with its roles, Rijnmond's plan for this year as an unsubmitted draft, an
    English home page that is live (so /en/ addresses lead into the English tree), and the people
    whose accounts exist already: a national editor, a translator, a member of Rijnmond's steering
    group and a contact of a school in Rijnmond."""
    settings.WAGTAILADMIN_BASE_URL = demo_site.url
    call_command("setup_roles", verbosity=0)
    rijnmond = RegionPage.objects.get(region__code="AM22", locale__language_code="nl")
    year = timezone.localdate().year
    for plan in AnnualPlanPage.objects.child_of(rijnmond).filter(year=year):
        plan.delete()
    plan = make_plan(RegionPage.objects.get(pk=rijnmond.pk), year=year, live=False, title=f"Jaarplan Rijnmond {year}")
    HomePage.objects.get(locale__language_code="en", depth=2).save_revision().publish()

    make_user("redacteur", "redacteur@example.nl", NATIONAL_EDITORS)
    make_user("vertaler", "vertaler@example.nl", TRANSLATORS)
    make_user("stuurgroep-rijnmond", STEERING_ADDRESS, "Stuurgroep Rijnmond")
    school = School.objects.filter(municipality__region__code="AM22").first()
    contact = get_user_model().objects.create_user(SCHOOL_ADDRESS, SCHOOL_ADDRESS, PASSWORD)
    assign(contact, school.municipality.region, AccountRole.SCHOOL_CONTACT, [school])
    return plan


def mail_to(smtp_server, address):
    """The one mail that has arrived for `address`, as (subject, body)."""
    [mail] = [message for message in smtp_server.messages if address in message["To"]]
    return str(mail["Subject"]), mail.get_payload(decode=True).decode()


def new_page(browser):
    return browser.new_context(locale="nl-NL").new_page()


def invite_coordinator(editor, smtp_server, browser, base_url):
    """The national editor invites Sanne Jansen as Rijnmond's coordinator; she chooses her password
    through the mailed link and signs in. Returns her browser page."""
    editor.get_by_role("link", name="Accounts per regio").click()
    editor.get_by_role("link", name="Account uitnodigen").first.click()
    editor.get_by_label("Voornaam").fill("Sanne")
    editor.get_by_label("Achternaam").fill("Jansen")
    editor.get_by_label("E-mailadres").fill(COORDINATOR_ADDRESS)
    editor.get_by_label("Arbeidsmarktregio").select_option(label="Rijnmond")
    editor.get_by_label("Coördinator").check()
    editor.get_by_role("button", name="Uitnodigen").click()
    editor.get_by_text(f"de uitnodiging is verstuurd naar {COORDINATOR_ADDRESS}").wait_for()

    _subject, body = mail_to(smtp_server, COORDINATOR_ADDRESS)
    link = re.search(r"https?://\S+/password_reset/confirm/\S+/", body).group()
    coordinator = new_page(browser)
    coordinator.goto(link)
    coordinator.locator("#id_new_password1").fill(PASSWORD)
    coordinator.locator("#id_new_password2").fill(PASSWORD)
    coordinator.locator("form button[type=submit]").first.click()
    coordinator.wait_for_url("**/admin/password_reset/complete/")
    sign_in_to_admin(coordinator, base_url, COORDINATOR_ADDRESS, PASSWORD)
    coordinator.get_by_text("Uw regio: Rijnmond").wait_for()
    return coordinator


def footer_action(page, name):
    """A button of the page editor's action menu, opening the menu's dropdown when it is in there."""
    button = page.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name="Meer acties").click()
    return button


def test_the_editors_and_coordinators_working_year(demo_site, working_year, smtp_server, browser, page):
    base_url, plan = demo_site.url, working_year
    editor = page
    sign_in_to_admin(editor, base_url, "redacteur", PASSWORD)
    coordinator = invite_coordinator(editor, smtp_server, browser, base_url)

    # The coordinator sends the plan to Rijnmond's steering group from the page editor.
    coordinator.goto(f"{base_url}/admin/pages/{plan.pk}/edit/")
    footer_action(coordinator, "Stuur door naar Jaarplan Rijnmond").click()
    coordinator.get_by_text("ingediend").first.wait_for()
    coordinator.screenshot(path="/tmp/e2e-submitted.png", full_page=True)

    # The steering-group member follows the mailed link, signs in and approves with a comment.
    subject, body = mail_to(smtp_server, STEERING_ADDRESS)
    assert plan.title in subject
    link = re.search(rf"https?://\S+/admin/pages/{plan.pk}/edit/", body).group()
    steering = new_page(browser)
    steering.goto(link)
    sign_in(steering, "stuurgroep-rijnmond", PASSWORD)
    steering.wait_for_url(f"**/admin/pages/{plan.pk}/edit/")
    steering.screenshot(path="/tmp/e2e-steering.png", full_page=True)
    footer_action(steering, "Goedkeuren met opmerking en publiceren").click()
    dialog = steering.get_by_role("dialog")
    dialog.get_by_label("Opmerking").fill(COMMENT)
    dialog.screenshot(path="/tmp/e2e-dialog.png")
    dialog.get_by_role("button", name="Goedkeuren met opmerking").click()
    steering.wait_for_url("**/admin/")
    steering.screenshot(path="/tmp/e2e-approved.png", full_page=True)
    print(steering.locator("main").inner_text())
    steering.get_by_text("is goedgekeurd").first.wait_for()

    subject, body = mail_to(smtp_server, COORDINATOR_ADDRESS + "x")
