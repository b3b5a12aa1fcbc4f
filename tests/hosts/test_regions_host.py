"""`regions` with `themes` and `core` installs into another Wagtail site without `knowledge` and
`search` (tests/hosts/regions_host): it migrates from zero, loads its reference data, serves a
region page and answers its API.

The host runs in a subprocess of its own, so that its settings never meet the suite's."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent

# Each step records what it found, or the traceback it raised, so one broken step does not hide
# what the others would have shown.
SCRIPT = r"""
import json
import sys
import traceback

import django

django.setup()

from django.core.management import call_command
from django.db.migrations.recorder import MigrationRecorder
from django.test import Client

report = {}


def step(name):
    def run(function):
        try:
            report[name] = function()
        except Exception:
            report[name] = {"error": traceback.format_exc()}
        return function
    return run


@step("migrate")
def migrate():
    call_command("migrate", interactive=False, verbosity=0)
    applied = MigrationRecorder.Migration.objects.values_list("app", flat=True)
    return {"apps": sorted(set(applied))}


@step("load_reference_data")
def load_reference_data():
    from regions.models import Municipality, Region
    from themes.models import Theme

    call_command("load_reference_data", verbosity=0)
    return {
        "regions": Region.objects.count(),
        "municipalities": Municipality.objects.count(),
        "themes": Theme.objects.count(),
    }


@step("pages")
def pages():
    from wagtail.models import Site

    from regions.models import Region, RegionIndexPage, RegionPage
    from themes.models import Theme, ThemeIndexPage, ThemePage

    home = Site.objects.get(is_default_site=True).root_page
    index = home.add_child(instance=RegionIndexPage(title="Regio's", slug="regios"))
    region = Region.objects.get(code="AM22")
    page = index.add_child(instance=RegionPage(title=region.name, slug="rijnmond", region=region))
    themes = home.add_child(instance=ThemeIndexPage(title="Thema's", slug="themas"))
    theme = Theme.objects.order_by("order").first()
    theme_page = themes.add_child(instance=ThemePage(title=theme.title, slug="thema", theme=theme))
    return {
        "home": type(home.specific).__name__,
        "index_url": index.url,
        "url": page.url,
        "id": page.pk,
        "theme_url": theme_page.url,
        "theme_title": theme.title,
    }


@step("publish")
def publish():
    from regions.models import RegionPage

    page = RegionPage.objects.get(pk=report["pages"]["id"])
    page.intro = "Gepubliceerd"
    page.save_revision().publish()
    return {"live": RegionPage.objects.get(pk=page.pk).intro == "Gepubliceerd"}


def get(path, data=None):
    response = Client().get(path, data)
    return response.status_code, response.content.decode()


@step("region_page")
def region_page():
    status, body = get(report["pages"]["url"])
    return {"status": status, "body": body}


@step("region_index_page")
def region_index_page():
    status, body = get(report["pages"]["index_url"])
    return {"status": status, "body": body}


@step("overview")
def overview():
    status, body = get(report["pages"]["index_url"] + "overzicht/")
    return {"status": status, "body": body}


@step("theme_page")
def theme_page():
    status, body = get(report["pages"]["theme_url"])
    return {"status": status, "body": body}


@step("api_regions")
def api_regions():
    status, body = get("/api/regions/")
    return {"status": status, "json": json.loads(body) if status == 200 else body}


@step("api_region")
def api_region():
    status, body = get("/api/regions/AM22/")
    return {"status": status, "json": json.loads(body) if status == 200 else body}


@step("api_schools")
def api_schools():
    status, body = get("/api/schools/", {"region": "AM22"})
    return {"status": status, "json": json.loads(body) if status == 200 else body}


@step("api_themes")
def api_themes():
    status, body = get("/api/themes/")
    return {"status": status, "json": json.loads(body) if status == 200 else body}


@step("api_theme")
def api_theme():
    from themes.models import Theme

    status, body = get(f"/api/themes/{Theme.objects.order_by('order').first().code}/")
    return {"status": status, "json": json.loads(body) if status == 200 else body}


@step("admin_edit")
def admin_edit():
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "secret")
    client = Client()
    client.force_login(user)
    response = client.get(f"/admin/pages/{report['pages']['id']}/edit/")
    return {"status": response.status_code}


with open(sys.argv[1], "w") as out:
    json.dump(report, out)
"""


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """What the host site reported, step by step."""
    directory = tmp_path_factory.mktemp("regions-host")
    report = directory / "report.json"
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.hosts.regions_host.settings",
        "REGIONS_HOST_DATABASE": str(directory / "db.sqlite3"),
        "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    }
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(report)],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(report.read_text())


def succeeded(host, name):
    outcome = host[name]
    assert "error" not in outcome, f"{name} failed in the host:\n{outcome['error']}"
    return outcome


def test_migrates_from_zero_without_knowledge_and_search(host):
    apps = succeeded(host, "migrate")["apps"]

    assert {"core", "themes", "regions"} <= set(apps)
    assert not {"knowledge", "search"} & set(apps)


def test_loads_the_reference_data_of_the_installed_apps(host):
    assert succeeded(host, "load_reference_data") == {"regions": 35, "municipalities": 342, "themes": 7}


def test_region_pages_live_under_the_hosts_own_home_page(host):
    assert succeeded(host, "pages")["home"] == "Page"


def test_publishes_a_region_page(host):
    assert succeeded(host, "publish") == {"live": True}


def test_serves_the_region_page(host):
    page = succeeded(host, "region_page")

    assert page["status"] == 200, page["body"]
    assert "Rijnmond" in page["body"]
    # The feeds come with `knowledge`, which the host does not have.
    assert "application/rss+xml" not in page["body"]


def test_serves_the_region_index_page(host):
    page = succeeded(host, "region_index_page")

    assert page["status"] == 200, page["body"]
    assert "Rijnmond" in page["body"]


def test_serves_the_national_overview(host):
    page = succeeded(host, "overview")

    assert page["status"] == 200, page["body"]
    assert "Rijnmond" in page["body"]


def test_serves_a_theme_page_with_its_regions(host):
    page = succeeded(host, "theme_page")

    assert page["status"] == 200, page["body"]
    assert host["pages"]["theme_title"] in page["body"]


def test_lists_all_regions_in_the_api(host):
    response = succeeded(host, "api_regions")

    assert response["status"] == 200, response["json"]
    assert len(response["json"]) == 35
    rijnmond = next(region for region in response["json"] if region["code"] == "AM22")
    assert rijnmond["page"]["url"].endswith(host["pages"]["url"])


def test_shows_one_region_in_the_api(host):
    response = succeeded(host, "api_region")

    assert response["status"] == 200, response["json"]
    region = response["json"]
    assert (region["code"], region["name"]) == ("AM22", "Rijnmond")
    assert region["municipalities"]
    assert region["caseload"]["schools"] == 0
    norm = region["caseload"]["norm"]
    assert (norm["minutes_per_school"], norm["fulltime_hours"]) == (80, 36)


def test_lists_schools_in_the_api(host):
    response = succeeded(host, "api_schools")

    assert response["status"] == 200, response["json"]
    assert response["json"]["total"] == 0


def test_lists_the_themes_in_the_api(host):
    response = succeeded(host, "api_themes")

    assert response["status"] == 200, response["json"]
    assert len(response["json"]) == 7
    assert sum(theme["page"] is not None for theme in response["json"]) == 1


def test_shows_one_theme_without_articles_in_the_api(host):
    response = succeeded(host, "api_theme")

    assert response["status"] == 200, response["json"]
    assert response["json"]["title"] == host["pages"]["theme_title"]
    # Articles are page types of `knowledge`.
    assert response["json"]["articles"] == []


def test_the_admin_edits_a_region_page(host):
    assert succeeded(host, "admin_edit")["status"] == 200
