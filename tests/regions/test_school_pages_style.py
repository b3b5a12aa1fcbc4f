"""The school contacts' pages in the house style: every field a labelled NL Design System control,
its help text and its error tied to it, the choice of kind as radio buttons under a legend."""

import re

import pytest

from .factories import SchoolFactory
from .test_school_submissions import LOGIN, SUBMIT, school_contact, signed_in

pytestmark = pytest.mark.django_db


def control_of(html, field_id):
    return re.search(rf'<(input|select|textarea) [^>]*id="{field_id}"[^>]*>', html).group(0)


def test_the_login_page_has_labelled_house_style_fields(client):
    html = client.get(LOGIN).content.decode()
    assert 'class="site-logo"' in html
    for field_id, label, autocomplete in [
        ("id_username", "Gebruikersnaam", "username"),
        ("id_password", "Wachtwoord", "current-password"),
    ]:
        assert re.search(rf'<label class="utrecht-form-label[^"]*" for="{field_id}">{label}</label>', html)
        control = control_of(html, field_id)
        assert "utrecht-textbox" in control and f'autocomplete="{autocomplete}"' in control


def test_a_wrong_password_is_an_alert_above_the_form(client):
    html = client.post(LOGIN, {"username": "niemand", "password": "fout"}).content.decode()
    alert = re.search(
        r'<div class="utrecht-alert utrecht-alert--error" role="alert">.*?</div>\s*</div>', html, re.S
    )
    assert alert and alert.start() < html.index('id="id_username"')


def test_the_submission_form_uses_radio_buttons_a_text_area_and_tied_help_texts():
    browser = signed_in(school_contact("contact", SchoolFactory(region_code="AM22")))
    html = browser.get(SUBMIT).content.decode()
    kinds = re.search(r'<fieldset class="utrecht-form-fieldset[^"]*".*?</fieldset>', html, re.S).group(0)
    assert re.search(r'<legend class="utrecht-form-fieldset__legend[^"]*">Soort</legend>', kinds)
    assert len(re.findall(r'<input class="utrecht-radio-button[^"]*" type="radio" name="kind"', kinds)) == 2
    assert "utrecht-select" in control_of(html, "id_school") and "utrecht-select" in control_of(
        html, "id_theme"
    )
    text = control_of(html, "id_text")
    assert text.startswith('<textarea class="utrecht-textarea') and 'maxlength="2000"' in text
    assert 'aria-describedby="id_text-help"' in text
    assert re.search(r'id="id_text-help">Wat loopt er vast', html)

    html = browser.post(SUBMIT, {"kind": "knelpunt", "title": ""}).content.decode()
    title = control_of(html, "id_title")
    assert 'aria-invalid="true"' in title and 'aria-describedby="id_title-help id_title-error"' in title
    assert re.search(r'<p class="utrecht-form-field__error-message form-error" id="id_title-error">', html)
