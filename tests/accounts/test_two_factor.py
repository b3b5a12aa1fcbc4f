"""Every account with access to the admin enters a code from an authenticator app after its
password (wagtail-2fa on Wagtail 8, TOTP devices of django-otp)."""

import time
from html import escape

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from knowledge.models import NetworkPage
from regions.roles import NATIONAL_EDITORS, NETWORK
from tests.accounts.two_factor import authenticator_app, current_code

PASSWORD = "juist-wachtwoord-2026"
SET_UP = "/admin/2fa/devices/new"
ENTER_CODE = "/admin/2fa/auth"


@pytest.fixture
def editor(django_user_model):
    user = django_user_model.objects.create_user("redacteur", "redacteur@example.nl", PASSWORD)
    user.groups.add(Group.objects.get(name=NATIONAL_EDITORS))
    return user


def logged_in_with_password(username="redacteur"):
    client = Client()
    response = client.post("/admin/login/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302
    return client


def wrong_code(device):
    return f"{(int(current_code(device)) + 1) % 10**device.digits:06d}"


def wait_out_the_throttle():
    """After a wrong code django-otp refuses every code for a second (doubling with each further
    wrong one), the right one too."""
    time.sleep(1.1)


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/users/", "/admin/lockouts/"])
def test_an_editor_without_an_app_is_sent_to_set_one_up_before_any_admin_page(editor, path):
    response = logged_in_with_password().get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{SET_UP}?next={path}"


def test_an_editor_sets_up_an_authenticator_app_and_gets_in(editor):
    client = logged_in_with_password()
    page = client.get(SET_UP).content.decode()
    assert '<img src="/admin/2fa/devices/qr-code">' in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert escape(device.config_url) in page  # for apps that cannot scan the code

    form = {"name": "Telefoon", "password": PASSWORD}
    response = client.post(SET_UP, {**form, "otp_token": wrong_code(device)})
    assert response.status_code == 200
    assert "Ongeldige code" in response.content.decode()

    wait_out_the_throttle()
    response = client.post(SET_UP, {**form, "otp_token": current_code(device)})
    assert response.status_code == 302
    assert TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/admin/users/"])
def test_with_an_app_the_admin_waits_for_the_code(editor, path):
    authenticator_app(editor)
    response = logged_in_with_password().get(path)
    assert response.status_code == 302
    assert response["Location"] == f"{ENTER_CODE}?next={path}"


def test_a_wrong_code_is_refused_and_the_right_code_lets_the_editor_in(editor):
    device = authenticator_app(editor)
    client = logged_in_with_password()
    page = client.get(f"{ENTER_CODE}?next=/admin/pages/").content.decode()
    assert "Voer je 2FA verificatiecode in" in page
    assert "Code uit je authenticator-app" in page

    response = client.post(ENTER_CODE, {"otp_token": wrong_code(device), "next": "/admin/pages/"})
    assert response.status_code == 200
    assert "Ongeldige code" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302

    wait_out_the_throttle()
    response = client.post(ENTER_CODE, {"otp_token": current_code(device), "next": "/admin/pages/"})
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/pages/").status_code == 200


def test_an_editor_with_two_apps_picks_the_one_whose_code_they_enter(editor):
    authenticator_app(editor)
    tablet = TOTPDevice.objects.create(user=editor, name="Tablet", confirmed=True)
    client = logged_in_with_password()
    assert "Tablet" in client.get(ENTER_CODE).content.decode()

    form = {"otp_token": current_code(tablet), "otp_device": tablet.persistent_id, "next": "/admin/"}
    assert client.post(ENTER_CODE, form)["Location"] == "/admin/"
    assert client.get("/admin/pages/").status_code == 200


def test_a_code_works_once(editor):
    device = authenticator_app(editor)
    code = current_code(device)
    first = logged_in_with_password()
    assert first.post(ENTER_CODE, {"otp_token": code, "next": "/admin/"}).status_code == 302
    second = logged_in_with_password()
    assert second.post(ENTER_CODE, {"otp_token": code, "next": "/admin/"}).status_code == 200


def test_members_of_the_network_without_admin_access_need_no_second_factor(django_user_model):
    member = django_user_model.objects.create_user("lid", "lid@example.nl", PASSWORD)
    member.groups.add(Group.objects.get(name=NETWORK))
    network = NetworkPage.objects.get(depth=3)
    client = Client()
    response = client.post("/_util/login/", {"username": "lid", "password": PASSWORD, "next": network.url})
    assert response["Location"] == network.url
    assert client.get(network.url).status_code == 200


def test_superusers_find_each_users_devices_in_the_user_listing(client, editor, django_user_model):
    client.force_login(django_user_model.objects.get(username="admin"))
    response = client.get("/admin/users/")
    assert response.status_code == 200
    assert f'href="/admin/2fa/devices/{editor.pk}"' in response.content.decode()


def test_a_superuser_removes_the_app_of_an_editor_who_lost_it(client, editor, django_user_model):
    device = authenticator_app(editor)
    client.force_login(django_user_model.objects.get(username="admin"))
    assert device.name in client.get(f"/admin/2fa/devices/{editor.pk}").content.decode()

    response = client.post(f"/admin/2fa/devices/{device.pk}/remove", {"user_id": editor.pk})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert logged_in_with_password().get("/admin/")["Location"].startswith(SET_UP)


def test_editors_cannot_remove_the_apps_of_others(client, editor, django_user_model):
    colleague = django_user_model.objects.create_user("collega", "collega@example.nl", PASSWORD)
    colleague.groups.add(Group.objects.get(name=NATIONAL_EDITORS))
    device = authenticator_app(colleague)
    client.force_login(editor)
    response = client.post(f"/admin/2fa/devices/{device.pk}/remove", {"user_id": colleague.pk})
    assert response["Location"] == "/admin/"  # with "no permission"
    assert TOTPDevice.objects.filter(pk=device.pk).exists()


def test_reset_2fa_removes_the_apps_so_the_editor_sets_up_a_new_one(editor, capsys):
    authenticator_app(editor)
    call_command("reset_2fa", "redacteur")
    assert "1 apparaat verwijderd" in capsys.readouterr().out
    assert not TOTPDevice.objects.filter(user=editor).exists()
    assert logged_in_with_password().get("/admin/")["Location"].startswith(SET_UP)


def test_reset_2fa_names_an_unknown_user(db):
    with pytest.raises(CommandError, match="Er is geen gebruiker onbekend"):
        call_command("reset_2fa", "onbekend")
