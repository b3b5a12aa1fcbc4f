"""The themes in the admin: national editors edit a theme's title and description, the codes and
order stay as the reference data has them, and a re-run of the reference data keeps the edits."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from tests.regions.conftest import make_user
from themes.models import Theme, ThemePage

pytestmark = pytest.mark.django_db

CODE = "nazorg"
NEW_DESCRIPTION = "Oud-leerlingen houden een vast aanspreekpunt tot een jaar na de overstap."


@pytest.fixture
def theme():
    return Theme.objects.get(code=CODE)


@pytest.fixture
def national_editor_client(client):
    client.force_login(make_user("redacteur", "Landelijke redactie"))
    return client


def edit(client, theme, **fields):
    data = {"title": theme.title, "description": theme.description, **fields}
    return client.post(reverse("themes:edit", args=[theme.pk]), data)


def test_national_editor_changes_the_description(national_editor_client, theme):
    assert national_editor_client.get(reverse("themes:index")).status_code == 200
    response = edit(national_editor_client, theme, description=NEW_DESCRIPTION)
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.description == NEW_DESCRIPTION


def test_the_code_and_order_are_not_in_the_form(national_editor_client, theme):
    response = national_editor_client.get(reverse("themes:edit", args=[theme.pk]))
    assert response.status_code == 200
    assert set(response.context["form"].fields) == {"title", "description"}

    edit(national_editor_client, theme, code="gekaapt", order="99", title="Nazorg na de overstap")
    theme.refresh_from_db()
    assert (theme.code, theme.order, theme.title) == (CODE, 2, "Nazorg na de overstap")


def test_themes_are_not_added_or_deleted_in_the_admin(national_editor_client, theme):
    assert national_editor_client.get(reverse("themes:add")).status_code == 302
    national_editor_client.post(reverse("themes:delete", args=[theme.pk]))
    assert Theme.objects.filter(pk=theme.pk).exists()
    listing = national_editor_client.get(reverse("themes:index")).content.decode()
    assert reverse("themes:add") not in listing


def test_coordinators_do_not_edit_themes(client, theme):
    client.force_login(make_user("coordinator-rijnmond", "Coördinator Rijnmond"))
    assert client.get(reverse("themes:edit", args=[theme.pk])).status_code == 302


def test_the_theme_page_shows_the_new_description(national_editor_client, theme):
    page = ThemePage.objects.get(theme=theme, locale__language_code="nl")
    page.intro = ""
    page.save_revision().publish()
    edit(national_editor_client, theme, description=NEW_DESCRIPTION)
    assert NEW_DESCRIPTION in Client().get(page.url).content.decode()


def test_reference_data_keeps_the_edits_and_restores_the_order(national_editor_client, theme):
    edit(national_editor_client, theme, title="Nazorg", description=NEW_DESCRIPTION)
    Theme.objects.filter(pk=theme.pk).update(order=9)
    out = io.StringIO()
    call_command("load_reference_data", stdout=out)
    theme.refresh_from_db()
    assert (theme.title, theme.description, theme.order) == ("Nazorg", NEW_DESCRIPTION, 2)
    assert "thema's: 0 nieuw, 1 bijgewerkt, 6 ongewijzigd" in out.getvalue()
