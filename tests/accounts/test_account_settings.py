"""The account settings each environment makes of its variables (config/settings/): e-mail from
EMAIL_URL, required in production; the second factor required except in development."""

import json
import os
import subprocess
import sys

from django.conf import settings

NAMES = [
    "EMAIL_BACKEND",
    "EMAIL_HOST",
    "EMAIL_PORT",
    "EMAIL_HOST_USER",
    "EMAIL_HOST_PASSWORD",
    "EMAIL_USE_TLS",
    "EMAIL_TIMEOUT",
    "DEFAULT_FROM_EMAIL",
    "WAGTAIL_2FA_REQUIRED",
]
PRINT_SETTINGS = f"""
import json
from django.conf import settings
print(json.dumps({{name: getattr(settings, name) for name in {NAMES!r}}}))
"""
PRODUCTION = {"DJANGO_SETTINGS_MODULE": "config.settings.production", "SECRET_KEY": "x" * 50}
SMTP_URL = "smtp://kennisplatform:geheim%2Fwoord@smtp.example.nl:587/?tls=True"


def run_settings(**variables):
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in {"EMAIL_URL", "REQUIRE_2FA", "DEFAULT_FROM_EMAIL", "WAGTAILADMIN_BASE_URL"}
    }
    environment.update(variables)
    return subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
    )


def settings_of(**variables):
    process = run_settings(**variables)
    assert process.returncode == 0, process.stderr
    return json.loads(process.stdout)


def test_production_refuses_to_start_without_email_url():
    process = run_settings(**PRODUCTION)
    assert process.returncode != 0
    assert "The environment variable EMAIL_URL must be set." in process.stderr


def test_production_sends_mail_through_the_smtp_server_of_email_url():
    production = settings_of(
        **PRODUCTION, EMAIL_URL=SMTP_URL, WAGTAILADMIN_BASE_URL="https://kennis.example.nl"
    )
    assert production["EMAIL_BACKEND"] == "django.core.mail.backends.smtp.EmailBackend"
    assert (production["EMAIL_HOST"], production["EMAIL_PORT"]) == ("smtp.example.nl", 587)
    assert production["EMAIL_HOST_USER"] == "kennisplatform"
    assert production["EMAIL_HOST_PASSWORD"] == "geheim/woord"
    assert production["EMAIL_USE_TLS"] is True
    assert production["EMAIL_TIMEOUT"] == 10
    assert production["DEFAULT_FROM_EMAIL"] == "VSO-PRO kennisplatform <noreply@kennis.example.nl>"


def test_console_in_production_is_a_choice_to_make_explicitly():
    production = settings_of(**PRODUCTION, EMAIL_URL="console:", DEFAULT_FROM_EMAIL="redactie@example.nl")
    assert production["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert production["DEFAULT_FROM_EMAIL"] == "redactie@example.nl"


def test_a_mistyped_email_url_stops_the_start_with_a_clear_message():
    process = run_settings(**PRODUCTION, EMAIL_URL="smpt://smtp.example.nl:587")
    assert process.returncode != 0
    assert "EMAIL_URL 'smpt': use smtp://, submission://, console:, file:// or memory:" in process.stderr
    assert "example.nl" not in process.stderr.splitlines()[-1]


def test_development_writes_mails_to_the_console_and_asks_no_second_factor():
    development = settings_of(DJANGO_SETTINGS_MODULE="config.settings.dev")
    assert development["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
    assert development["WAGTAIL_2FA_REQUIRED"] is False
    assert settings_of(DJANGO_SETTINGS_MODULE="config.settings.dev", REQUIRE_2FA="1")["WAGTAIL_2FA_REQUIRED"]


def test_production_requires_the_second_factor_unless_switched_off():
    assert settings_of(**PRODUCTION, EMAIL_URL="console:")["WAGTAIL_2FA_REQUIRED"] is True
    assert settings_of(**PRODUCTION, EMAIL_URL="console:", REQUIRE_2FA="0")["WAGTAIL_2FA_REQUIRED"] is False
