"""A multilingual Plone site (plone.app.multilingual): each language root folder becomes the
section in that language, translations.json groups become wagtail-localize translations of one
another, and a language the site does not have is reported."""

import pytest
from wagtail.models import Locale

from knowledge.models import ContentPage, HomePage

from .conftest import EXPORTS, SITE_ROOT, imported

pytestmark = pytest.mark.django_db

MULTILINGUAL = EXPORTS / "multilingual"
LRF_NL, LRF_EN = "aa000000000000000000000000000001", "aa000000000000000000000000000002"
OVER_ONS, ABOUT_US, OPEN_DAY = (
    "bb000000000000000000000000000001",
    "bb000000000000000000000000000002",
    "cc000000000000000000000000000002",
)


def translated(uid):
    return imported(uid, export="multilingual")


def test_language_roots_become_the_section_in_their_language(import_plone):
    import_plone(MULTILINGUAL)

    section = translated(SITE_ROOT)
    english = Locale.objects.get(language_code="en")
    english_section = translated(LRF_EN)
    assert translated(LRF_NL) == section  # the site's own language: the section itself
    assert english_section.locale == english and english_section.title == "English"
    assert english_section.translation_key == section.translation_key
    assert english_section.get_parent().specific == HomePage.objects.get(depth=2, locale=english)
    # The Dutch pages sit in the section itself: no folder "nl" that would be taken for a language.
    assert translated(OVER_ONS).get_parent().specific == section


def test_translation_groups_become_translations_of_one_another(import_plone):
    output = import_plone(MULTILINGUAL)

    over_ons, about_us = translated(OVER_ONS), translated(ABOUT_US)
    assert (over_ons.locale.language_code, about_us.locale.language_code) == ("nl", "en")
    assert about_us.get_translation(over_ons.locale).specific == over_ons
    assert about_us.get_parent().specific == translated(LRF_EN)
    assert "Vertalingen: 2 pagina's gekoppeld" in output


def test_a_language_the_site_does_not_have_is_reported_and_skipped(import_plone):
    output = import_plone(MULTILINGUAL)

    assert "taal 'de' is geen taal van deze site (WAGTAIL_CONTENT_LANGUAGES) (en 1 item daarin)" in output
    assert not ContentPage.objects.filter(title__in=["Deutsch", "Über uns"]).exists()


def test_old_addresses_in_every_language_redirect(import_plone, client):
    import_plone(MULTILINGUAL)
    english_home = HomePage.objects.get(depth=2, locale__language_code="en")
    english_home.save_revision().publish()

    for old, page in [
        ("/nl/over-ons", translated(OVER_ONS)),
        ("/nl/nieuws/open-dag", translated(OPEN_DAY)),
        ("/en/about-us", translated(ABOUT_US)),
        ("/en/old-page", translated(ABOUT_US)),  # redirects.json, with the site's id
        ("/nl/oude-pagina", translated(OVER_ONS)),
    ]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, page.url), old
    english = client.get(translated(ABOUT_US).url)
    assert english.status_code == 200 and "We are the network." in english.content.decode()
    # A link between items, rewritten to the new page.
    assert translated(OPEN_DAY).url in client.get(translated(OVER_ONS).url).content.decode()
