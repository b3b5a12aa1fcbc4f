"""A national editor makes the account of Rijnmond's coordinator in the admin; the coordinator
chooses a password through the mailed link, logs in and finds their region on the dashboard."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command

from tests.browser.admin_login import sign_in_to_admin

pytestmark = pytest.mark.browser

EDITOR_PASSWORD = "redactie-wachtwoord-2026"
CHOSEN_PASSWORD = "coordinator-wachtwoord-2026"
ADDRESS = "sanne.jansen@rijnmond.example"


@pytest.fixture
def national_editor(demo_site):
    call_command("setup_roles", verbosity=0)
    editor = get_user_model().objects.create_user("redacteur", "redacteur@example.nl", EDITOR_PASSWORD)
    editor.groups.add(Group.objects.get(name="Landelijke redactie"))
    return editor


def test_a_national_editor_makes_rijnmonds_coordinator(
    demo_site, national_editor, smtp_server, settings, page, browser
):
    settings.WAGTAILADMIN_BASE_URL = demo_site.url
    sign_in_to_admin(page, demo_site.url, "redacteur", EDITOR_PASSWORD)

    page.get_by_role("link", name="Accounts per regio").click()
    page.get_by_role("link", name="Account uitnodigen").first.click()
    page.fill("#id_first_name", "Sanne")
    page.fill("#id_last_name", "Jansen")
    page.fill("#id_email", ADDRESS)
    page.select_option("#id_region", label="Rijnmond")
    page.get_by_label("Coördinator").check()
    page.get_by_role("button", name="Uitnodigen").click()
    page.get_by_text(f"de uitnodiging is verstuurd naar {ADDRESS}").wait_for()
    assert page.get_by_role("cell", name=ADDRESS).count() == 1

    [mail] = smtp_server.messages
    body = mail.get_payload(decode=True).decode()
    link = re.search(r"https?://\S+/password_reset/confirm/\S+/", body).group()

    coordinator_page = browser.new_context(locale="nl-NL").new_page()
    coordinator_page.goto(link)
    coordinator_page.fill("#id_new_password1", CHOSEN_PASSWORD)
    coordinator_page.fill("#id_new_password2", CHOSEN_PASSWORD)
    coordinator_page.locator("form button[type=submit]").first.click()
    coordinator_page.wait_for_url("**/admin/password_reset/complete/")

    sign_in_to_admin(coordinator_page, demo_site.url, ADDRESS, CHOSEN_PASSWORD)
    assert coordinator_page.get_by_text("Uw regio: Rijnmond").is_visible()
    assert coordinator_page.get_by_text("Volgende stuurgroep").is_visible()
    assert urlsplit(coordinator_page.url).path == "/admin/"
