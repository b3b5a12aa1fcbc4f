"""National editors and superusers see the login lockouts under Instellingen → Inlogblokkades and
lift one before it ends; `manage.py axes_reset_username` does the same from the shell."""

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from regions.roles import NATIONAL_EDITORS

PASSWORD = "juist-wachtwoord-2026"
LOCKOUTS = "/admin/lockouts/"


@pytest.fixture
def locked_out(django_user_model):
    """The username "redacteur" after five wrong passwords from 192.0.2.10."""
    django_user_model.objects.create_user("redacteur", "redacteur@example.nl", PASSWORD)
    client = Client(REMOTE_ADDR="192.0.2.10")
    for _ in range(5):
        client.post("/admin/login/", {"username": "redacteur", "password": "fout"})
    assert can_log_in() is False
    return AccessAttempt.objects.get(username="redacteur")


def can_log_in():
    client = Client(REMOTE_ADDR="192.0.2.10")
    response = client.post("/admin/login/", {"username": "redacteur", "password": PASSWORD})
    return response.status_code == 302


@pytest.fixture
def national_editor(django_user_model):
    user = django_user_model.objects.create_user("landelijk", "landelijk@example.nl", PASSWORD)
    user.groups.add(Group.objects.get(name=NATIONAL_EDITORS))
    return user


def test_a_national_editor_sees_the_lockout_and_lifts_it(client, locked_out, national_editor):
    client.force_login(national_editor)
    listing = client.get(LOCKOUTS).content.decode()
    assert "redacteur" in listing
    assert "192.0.2.10" in listing
    assert "Blokkade opheffen" in listing
    assert f"{LOCKOUTS}delete/{locked_out.pk}/" in listing

    confirmation = client.get(f"{LOCKOUTS}delete/{locked_out.pk}/").content.decode()
    assert "redacteur vanaf 192.0.2.10" in confirmation

    response = client.post(f"{LOCKOUTS}delete/{locked_out.pk}/")
    assert response["Location"] == LOCKOUTS
    assert "De blokkade van redacteur vanaf 192.0.2.10 is opgeheven." in client.get(LOCKOUTS).content.decode()
    assert "redacteur" not in client.get(LOCKOUTS).content.decode()
    assert can_log_in()


def test_lifting_a_lockout_is_in_the_history(client, locked_out, django_user_model):
    from wagtail.models import ModelLogEntry

    client.force_login(django_user_model.objects.get(username="admin"))
    client.post(f"{LOCKOUTS}delete/{locked_out.pk}/")
    entry = ModelLogEntry.objects.get(action="wagtail.delete", object_id=str(locked_out.pk))
    assert entry.user.username == "admin"


def test_only_national_editors_find_lockouts_in_the_menu(client, national_editor, django_user_model):
    coordinator = django_user_model.objects.create_user("coordinator", "c@example.nl", PASSWORD)
    coordinator.groups.add(Group.objects.get(name="Coördinator Rijnmond"))
    client.force_login(national_editor)
    assert LOCKOUTS in client.get("/admin/").content.decode()

    client.force_login(coordinator)
    assert LOCKOUTS not in client.get("/admin/").content.decode()
    assert client.get(LOCKOUTS)["Location"] == "/admin/"  # with "no permission"


def test_nobody_adds_or_edits_attempts_in_the_admin(client, locked_out, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    listing = client.get(LOCKOUTS).content.decode()
    assert f"{LOCKOUTS}new/" not in listing
    assert client.get(f"{LOCKOUTS}new/").status_code == 404
    assert client.get(f"{LOCKOUTS}edit/{locked_out.pk}/").status_code == 404


def test_old_failures_are_not_listed(client, locked_out, national_editor):
    from datetime import timedelta

    AccessAttempt.objects.update(attempt_time=locked_out.attempt_time - timedelta(minutes=16))
    client.force_login(national_editor)
    assert "192.0.2.10" not in client.get(LOCKOUTS).content.decode()


def test_the_command_lifts_a_lockout_too(locked_out):
    call_command("axes_reset_username", "redacteur", verbosity=0)
    assert can_log_in()


def test_lockouts_are_found_by_username_or_address(client, locked_out, national_editor):
    client.force_login(national_editor)
    for query in ("redac", "192.0.2"):
        assert "redacteur" in client.get(LOCKOUTS, {"q": query}).content.decode()
    assert "redacteur" not in client.get(LOCKOUTS, {"q": "collega"}).content.decode()
