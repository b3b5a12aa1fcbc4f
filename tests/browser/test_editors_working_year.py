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
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Locale

from knowledge.models import HomePage, NewsPage
from knowledge.translators import TRANSLATORS
from regions.accounts import AccountRole, assign
from regions.models import AnnualPlanPage, RegionalPhotoPage, RegionPage, School
from regions.roles import NATIONAL_EDITORS
from tests.browser.admin_login import sign_in, sign_in_to_admin
from tests.regions.conftest import make_plan, make_user

pytestmark = pytest.mark.browser

PASSWORD = "werkjaar-wachtwoord-2026"
COORDINATOR_ADDRESS = "sanne.jansen@rijnmond.example"
STEERING_ADDRESS = "stuurgroep@rijnmond.example"
SCHOOL_ADDRESS = "contact@school.example"
COMMENT = "Mooi plan, akkoord namens de directeuren."
KNELPUNT = "Te weinig stageplekken met begeleiding in de zorg"
ENGLISH_TITLE = "Regional network meets employers"


def make_account(username, email, *group_names):
    """An account in `group_names` with a real address and a password to sign in with."""
    account = make_user(username, *group_names)
    account.email = email
    account.set_password(PASSWORD)
    account.save()
    return account


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
    plan = make_plan(
        RegionPage.objects.get(pk=rijnmond.pk), year=year, live=False, title=f"Jaarplan Rijnmond {year}"
    )
    HomePage.objects.get(locale__language_code="en", depth=2).save_revision().publish()

    make_account("redacteur", "redacteur@example.nl", NATIONAL_EDITORS)
    make_account("vertaler", "vertaler@example.nl", TRANSLATORS)
    make_account("stuurgroep-rijnmond", STEERING_ADDRESS, "Stuurgroep Rijnmond")
    school = School.objects.filter(municipality__region__code="AM22").first()
    contact = get_user_model().objects.create_user(SCHOOL_ADDRESS, SCHOOL_ADDRESS, PASSWORD)
    assign(contact, school.municipality.region, AccountRole.SCHOOL_CONTACT, [school])
    return plan


def mails_to(smtp_server, address):
    """The mails that have arrived for `address`, each as (subject, body), in order of arrival."""
    return [
        (str(message["Subject"]), message.get_payload(decode=True).decode())
        for message in smtp_server.messages
        if address in message["To"]
    ]


@pytest.fixture
def new_page(browser):
    """Opens another person's browser (a context of its own); all are closed after the test."""
    contexts = []

    def new_page():
        contexts.append(browser.new_context(locale="nl-NL"))
        return contexts[-1].new_page()

    yield new_page
    for context in contexts:
        context.close()


def invite_coordinator(editor, smtp_server, new_page, base_url):
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

    [(_subject, body)] = mails_to(smtp_server, COORDINATOR_ADDRESS)
    link = re.search(r"https?://\S+/password_reset/confirm/\S+/", body).group()
    coordinator = new_page()
    coordinator.goto(link)
    coordinator.locator("#id_new_password1").fill(PASSWORD)
    coordinator.locator("#id_new_password2").fill(PASSWORD)
    coordinator.locator("form button[type=submit]").first.click()
    coordinator.wait_for_url("**/admin/password_reset/complete/")
    sign_in_to_admin(coordinator, base_url, COORDINATOR_ADDRESS, PASSWORD)
    coordinator.get_by_text("Uw regio: Rijnmond").wait_for()
    return coordinator


def editor_ready(page):
    """The admin's menus open only once its scripts have run: wait for them on a busy machine."""
    page.wait_for_load_state("networkidle")


def footer_action(page, name):
    """A button of the page editor's action menu, opening the menu's dropdown when it is in there."""
    editor_ready(page)
    button = page.get_by_role("button", name=name, exact=True)
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name="Meer acties").click()
    return button


def test_the_editors_and_coordinators_working_year(demo_site, working_year, smtp_server, new_page, page):
    base_url, plan = demo_site.url, working_year
    editor = page
    sign_in_to_admin(editor, base_url, "redacteur", PASSWORD)
    coordinator = invite_coordinator(editor, smtp_server, new_page, base_url)

    # The coordinator sends the plan to Rijnmond's steering group from the page editor.
    coordinator.goto(f"{base_url}/admin/pages/{plan.pk}/edit/")
    footer_action(coordinator, "Stuur door naar Jaarplan Rijnmond").click()
    coordinator.get_by_text(f"Pagina '{plan.title}' is ter goedkeuring ingediend.").wait_for()
    visitor = new_page()
    visitor.goto(base_url + plan.get_parent().url)
    assert visitor.get_by_text("Ter goedkeuring bij de stuurgroep").is_visible()
    assert visitor.get_by_role("link", name=plan.title).count() == 0  # not published yet

    # The steering-group member follows the mailed link, signs in and approves with a comment.
    [(subject, body)] = mails_to(smtp_server, STEERING_ADDRESS)
    assert plan.title in subject
    link = re.search(rf"https?://\S+/admin/pages/{plan.pk}/edit/", body).group()
    steering = new_page()
    steering.goto(link)
    sign_in(steering, "stuurgroep-rijnmond", PASSWORD)
    steering.wait_for_url(f"**/admin/pages/{plan.pk}/edit/")
    footer_action(steering, "Goedkeuren met opmerking en publiceren").click()
    dialog = steering.get_by_role("dialog")
    dialog.get_by_label("Opmerking").fill(COMMENT)
    dialog.get_by_role("button", name="Goedkeuren met opmerking").click()
    steering.get_by_text(f"'{plan.title}' is goedgekeurd.").wait_for()
    assert steering.get_by_text("geen toegang").count() == 0

    # The coordinator hears the outcome, with the steering group's comment.
    _invitation, (subject, body) = mails_to(smtp_server, COORDINATOR_ADDRESS)
    assert plan.title in subject
    assert "goedgekeurd" in body and COMMENT in body

    # Everyone sees the approved plan on Rijnmond's page and in the national overview.
    visitor.goto(base_url + plan.get_parent().url)
    plan_fact = visitor.locator("dd", has=visitor.get_by_role("link", name=plan.title))
    assert "Goedgekeurd door de stuurgroep" in plan_fact.inner_text()
    visitor.goto(base_url + "/regios/overzicht/")
    rijnmond_row = visitor.get_by_role("row").filter(has=visitor.get_by_role("rowheader", name="Rijnmond"))
    assert rijnmond_row.get_by_role("link", name="Goedgekeurd door de stuurgroep").is_visible()

    translate_news_item(editor, visitor, new_page, base_url)
    knelpunt_reaches_the_photo(coordinator, visitor, new_page, base_url)


def translate_news_item(editor, visitor, new_page, base_url):
    """The national editor starts an English translation of a news item; it stays off the site
    until the translator translates its title and publishes it."""
    news = NewsPage.objects.live().filter(locale__language_code="nl").order_by("pk").first()
    editor.goto(f"{base_url}/admin/pages/{news.pk}/edit/")
    editor_ready(editor)
    editor.get_by_role("button", name="Acties", exact=True).first.click()
    editor.get_by_role("link", name="Vertaal deze pagina").click()
    editor.get_by_label("Engels").check()
    editor.get_by_role("button", name="Verzenden").click()
    editor.get_by_text("is succesvol verzonden om in Engels vertaald te worden").wait_for()

    translation = news.get_translation(Locale.objects.get(language_code="en"))
    english_url = base_url + translation.url
    assert visitor.goto(english_url).status == 404

    translator = new_page()
    sign_in_to_admin(translator, base_url, "vertaler", PASSWORD)
    translator.goto(f"{base_url}/admin/pages/{translation.pk}/edit/")
    editor_ready(translator)
    translator.get_by_role("button", name="Vertaal", exact=True).first.click()
    translator.locator("main textarea").first.fill(ENGLISH_TITLE)
    translator.get_by_role("button", name="Opslaan").first.click()
    translator.get_by_text(ENGLISH_TITLE).wait_for()
    translator.get_by_role("button", name=re.compile("^Publiceer in")).click()
    # Published with the rest of the text still in Dutch, as wagtail-localize says.
    translator.get_by_text(re.compile(f"'{ENGLISH_TITLE}' in Engels .*gepubliceerd")).wait_for()

    assert visitor.goto(english_url).status == 200
    assert visitor.get_by_role("heading", level=1).inner_text() == ENGLISH_TITLE


def knelpunt_reaches_the_photo(coordinator, visitor, new_page, base_url):
    """A school contact reports a knelpunt on the site; it appears on Rijnmond's regional photo
    once the coordinator accepts it in the admin."""
    school = new_page()
    school.goto(base_url + "/school/inloggen/")
    school.get_by_label("Gebruikersnaam").fill(SCHOOL_ADDRESS)
    school.get_by_label("Wachtwoord").fill(PASSWORD)
    school.get_by_role("button", name="Inloggen").click()
    school.wait_for_url("**/school/melden/")
    school.get_by_label("Knelpunt", exact=True).check()
    school.get_by_label("Thema").select_option(index=1)
    school.get_by_label("Korte titel").fill(KNELPUNT)
    school.get_by_label("Toelichting").fill(
        "Zorginstellingen nemen geen leerlingen met een begeleidingsvraag aan."
    )
    school.get_by_role("button", name="Versturen").click()
    school.get_by_text("Ter beoordeling").first.wait_for()

    photo = RegionalPhotoPage.objects.live().get(region__code="AM22", locale__language_code="nl")
    visitor.goto(base_url + photo.url)
    assert visitor.get_by_text(KNELPUNT).count() == 0

    coordinator.goto(base_url + "/admin/")
    coordinator.get_by_text("1 knelpunt of ontwikkelpunt ter beoordeling").click()
    coordinator.get_by_role("link", name=KNELPUNT).click()
    coordinator.get_by_label("Accepteren: op de arbeidsmarktregio-foto").check()
    coordinator.get_by_role("button", name="Besluit opslaan").click()
    coordinator.get_by_text("staat nu op de arbeidsmarktregio-foto").wait_for()

    visitor.goto(base_url + photo.url)
    assert visitor.get_by_text(KNELPUNT).count() >= 1
