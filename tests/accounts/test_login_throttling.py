"""Wrong passwords lock a username out from one address for a while, on the admin's login and on
the network area's, right password or not (django-axes, config/settings/base.py)."""

import importlib.util
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.db.models import F
from django.test import Client, override_settings

from knowledge.models import NetworkPage

PASSWORD = "juist-wachtwoord-2026"
ADMIN_LOGIN = "/admin/login/"
NETWORK_LOGIN = "/_util/login/"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", "redacteur@example.nl", PASSWORD)


def log_in(client, password, path=ADMIN_LOGIN, username="redacteur"):
    return client.post(path, {"username": username, "password": password})


def signed_in(client):
    return "_auth_user_id" in client.session


def lock_out(client, path=ADMIN_LOGIN):
    for _ in range(4):
        assert log_in(client, "fout", path).status_code == 200  # the form again, with its error
    return log_in(client, "fout", path)


def test_the_network_area_sends_visitors_to_its_own_login(db):
    network = NetworkPage.objects.get(depth=3)
    response = Client().get(network.url)
    assert response.status_code == 302
    assert response["Location"].startswith(NETWORK_LOGIN)


@pytest.mark.parametrize("path", [ADMIN_LOGIN, NETWORK_LOGIN])
def test_five_wrong_passwords_lock_the_username_out_even_for_the_right_password(editor, path):
    client = Client()
    response = lock_out(client, path)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Inloggen tijdelijk geblokkeerd" in page
    assert "15 minuten geblokkeerd, ook met het juiste wachtwoord" in page
    assert response["Retry-After"] == "900"

    response = log_in(client, PASSWORD, path)
    assert response.status_code == 429
    assert not signed_in(client)


def test_the_lockout_page_speaks_english_on_the_english_site(editor):
    page = lock_out(Client(), "/en" + NETWORK_LOGIN).content.decode()
    assert "Login temporarily blocked" in page
    assert "blocked for 15 minutes, even with the right password" in page


def test_the_right_password_works_again_once_the_lockout_is_over(editor):
    client = Client()
    lock_out(client)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=16))
    response = log_in(client, PASSWORD)
    assert response.status_code == 302
    assert signed_in(client)


def test_a_right_password_before_the_limit_starts_the_count_again(editor):
    client = Client()
    for _ in range(4):
        log_in(client, "fout")
    assert log_in(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        assert log_in(client, "fout").status_code == 200


def test_the_lockout_holds_one_username_at_one_address(editor, django_user_model):
    django_user_model.objects.create_user("collega", "collega@example.nl", PASSWORD)
    lock_out(Client(REMOTE_ADDR="192.0.2.10"))

    assert log_in(Client(REMOTE_ADDR="192.0.2.10"), PASSWORD).status_code == 429
    assert log_in(Client(REMOTE_ADDR="192.0.2.11"), PASSWORD).status_code == 302
    assert log_in(Client(REMOTE_ADDR="192.0.2.10"), PASSWORD, username="collega").status_code == 302


def test_a_forged_forwarded_for_header_does_not_escape_the_lockout(editor):
    lock_out(Client(REMOTE_ADDR="192.0.2.10"))
    forged = Client(REMOTE_ADDR="192.0.2.10", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert log_in(forged, PASSWORD).status_code == 429


@pytest.fixture
def behind_trusted_proxy(monkeypatch):
    """The client-address settings that base.py makes of TRUSTED_PROXY=1."""
    monkeypatch.setenv("TRUSTED_PROXY", "1")
    spec = importlib.util.find_spec("config.settings.base")
    base = importlib.util.module_from_spec(spec)  # a second copy, run with the variable set
    spec.loader.exec_module(base)
    names = [name for name in vars(base) if name.startswith(("AXES_IPWARE_", "IPWARE_"))]
    assert names
    with override_settings(**{name: getattr(base, name) for name in names}):
        yield


def behind_proxy(forwarded_for):
    return Client(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=forwarded_for)


def test_behind_a_trusted_proxy_each_client_is_locked_out_by_its_own_address(editor, behind_trusted_proxy):
    lock_out(behind_proxy("203.0.113.5"))

    assert log_in(behind_proxy("203.0.113.5"), PASSWORD).status_code == 429
    # What a client writes in front of the address the proxy appended does not count.
    assert log_in(behind_proxy("198.51.100.7, 203.0.113.5"), PASSWORD).status_code == 429
    assert log_in(behind_proxy("203.0.113.6"), PASSWORD).status_code == 302
