""" "Wachtwoord vergeten?" end to end through a real SMTP server: the mail arrives with an absolute
link on WAGTAILADMIN_BASE_URL, the link sets a new password, and that password logs in."""

import re
from urllib.parse import urlsplit

import pytest
from django.test import Client

OLD_PASSWORD = "oud-wachtwoord-2026"
NEW_PASSWORD = "nieuw-wachtwoord-2027"
BASE_URL = "https://kennisplatform.example.nl"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user("redacteur", "redacteur@example.nl", OLD_PASSWORD)


def text_of(message):
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def log_in(password):
    client = Client()
    client.post("/admin/login/", {"username": "redacteur", "password": password})
    return "_auth_user_id" in client.session


def test_a_forgotten_password_is_reset_through_the_mailed_link(editor, smtp_server, settings):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    client = Client()
    assert 'href="/admin/password_reset/"' in client.get("/admin/login/").content.decode()

    response = client.post("/admin/password_reset/", {"email": "redacteur@example.nl"})
    assert response["Location"] == "/admin/password_reset/done/"

    [message] = smtp_server.messages
    assert message["To"] == "redacteur@example.nl"
    assert message["From"] == settings.DEFAULT_FROM_EMAIL
    assert "VSO-PRO kennisplatform" in message["From"]
    body = text_of(message)
    assert "redacteur" in body  # the username, in case that was forgotten too
    link = re.search(r"https?://\S+/password_reset/confirm/\S+/", body).group()
    assert link.startswith(f"{BASE_URL}/admin/password_reset/confirm/")

    form_url = client.get(urlsplit(link).path)["Location"]
    assert client.get(form_url).status_code == 200
    response = client.post(form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD})
    assert response["Location"] == "/admin/password_reset/complete/"

    assert log_in(NEW_PASSWORD)
    assert not log_in(OLD_PASSWORD)


def test_an_unknown_address_gets_no_mail_and_the_same_answer(db, smtp_server):
    response = Client().post("/admin/password_reset/", {"email": "onbekend@example.nl"})
    assert response["Location"] == "/admin/password_reset/done/"
    assert smtp_server.messages == []
