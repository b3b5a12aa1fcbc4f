"""The production settings, each in a process of its own (the test run itself uses the test
settings): Django's deployment checks pass, HTTPS is enforced with HSTS, and X-Forwarded-Proto
counts only when TRUSTED_PROXY says a proxy in front sets it."""

import json
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

# Answers of the production app to a plain request and to one claiming HTTPS through the proxy
# header, and to monitoring asking /healthz over plain HTTP, printed as JSON.
ASK = """
import json
import django
django.setup()
from django.test import Client

def ask(path="/robots.txt", **headers):
    response = Client().get(path, HTTP_HOST="localhost", **headers)
    return {
        "status": response.status_code,
        "location": response.get("Location"),
        "hsts": response.get("Strict-Transport-Security"),
    }

print(json.dumps({
    "plain": ask(),
    "forwarded_https": ask(HTTP_X_FORWARDED_PROTO="https"),
    "healthz": ask("/healthz"),
}))
"""


def production(args, tmp_path, **environment):
    env = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "EMAIL_URL": "console:",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **environment,
    }
    return subprocess.run(
        [sys.executable, *args], cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def answers(tmp_path, **environment):
    finished = production(["-c", ASK], tmp_path, **environment)
    assert finished.returncode == 0, finished.stderr
    return json.loads(finished.stdout)


def test_the_deployment_checks_find_nothing_to_warn_about(tmp_path):
    finished = production(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], tmp_path)

    assert finished.returncode == 0, finished.stderr
    assert "System check identified no issues" in finished.stdout


def test_without_a_trusted_proxy_a_forged_https_header_still_gets_redirected(tmp_path):
    seen = answers(tmp_path)

    assert seen["plain"]["status"] == 301
    assert seen["plain"]["location"] == "https://localhost/robots.txt"
    assert seen["forwarded_https"]["status"] == 301
    assert seen["healthz"]["status"] == 200


def test_behind_a_trusted_proxy_https_requests_are_served_with_hsts(tmp_path):
    seen = answers(tmp_path, TRUSTED_PROXY="1")

    assert seen["plain"]["status"] == 301
    assert seen["forwarded_https"]["status"] == 200
    assert seen["forwarded_https"]["hsts"] == "max-age=31536000; includeSubDomains; preload"


@pytest.mark.parametrize(
    "environment, hsts",
    [
        ({"SECURE_HSTS_SECONDS": "3600", "SECURE_HSTS_PRELOAD": "0"}, "max-age=3600; includeSubDomains"),
        ({"SECURE_HSTS_INCLUDE_SUBDOMAINS": "0", "SECURE_HSTS_PRELOAD": "0"}, "max-age=31536000"),
    ],
)
def test_hsts_follows_the_environment(tmp_path, environment, hsts):
    seen = answers(tmp_path, TRUSTED_PROXY="1", **environment)

    assert seen["forwarded_https"]["hsts"] == hsts


def test_the_redirect_to_https_can_be_left_to_the_proxy(tmp_path):
    seen = answers(tmp_path, SECURE_SSL_REDIRECT="0")

    assert seen["plain"]["status"] == 200
