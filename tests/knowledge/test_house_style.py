"""The public front end in the house style: logo and main menu, the home page's way into every
section, the footer's contact and statements, the icons, and the login pages in the site's
layout and language."""

import re

import pytest
from django.contrib.staticfiles import finders

from knowledge.models import ContentPage
from regions.models import RegionPage

pytestmark = pytest.mark.django_db

SECTIONS = ["Nieuws", "Kennisbank", "Agenda", "Thema's", "Regio's"]


def main_menu(html):
    nav = re.search(r'<nav class="site-nav" aria-label="Hoofdmenu".*?</nav>', html, re.S).group(0)
    return re.findall(r'<a href="([^"]+)"( aria-current="\w+")?>([^<]+)</a>', nav)


def test_every_page_has_the_logo_and_the_main_menu_with_the_five_sections(client):
    html = client.get("/kennisbank/").content.decode()
    assert 'class="site-logo"' in html and "img/logo-mark" in html
    assert [title.replace("&#x27;", "'") for _url, _current, title in main_menu(html)] == SECTIONS


def test_the_menu_marks_the_section_the_visitor_is_in(client):
    region = RegionPage.objects.live().get(region__code="AM22")
    menu = main_menu(client.get(region.url).content.decode())
    marked = [(title, current.strip()) for _url, current, title in menu if current]
    assert marked == [("Regio&#x27;s", 'aria-current="true"')]
    menu = main_menu(client.get("/agenda/").content.decode())
    assert [(title, current.strip()) for _url, current, title in menu if current] == [
        ("Agenda", 'aria-current="page"')
    ]


def test_the_menu_button_for_phones_is_hidden_until_its_script_runs(client):
    html = client.get("/").content.decode()
    assert re.search(r'<button class="site-nav__toggle"[^>]*aria-controls="site-nav-list" hidden>', html)
    assert finders.find("js/site-menu.js")


def test_the_phone_menu_is_closed_from_the_first_paint_where_scripts_run(client):
    """A script in <head>, run before the page is drawn, marks <html>; the stylesheet keys the
    closed menu on that mark, so the menu never opens and then jumps shut."""
    head = re.search(r"<head>.*?</head>", client.get("/").content.decode(), re.S).group(0)
    marker = re.search(r'<script src="([^"]*js/scripts-on[^"]*)"></script>', head)
    assert marker, "a blocking (not deferred) script in <head>"
    assert head.index(marker.group(0)) < head.index("css/site")
    with open(finders.find("js/scripts-on.js"), encoding="utf-8") as script:
        assert 'document.documentElement.classList.add("js")' in script.read()
    with open(finders.find("css/site.css"), encoding="utf-8") as css:
        assert ".js .site-nav__list:not(.site-nav__list--open) { display: none; }" in css.read()


def meta_description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1, found
    return found[0]


def test_every_page_describes_itself_for_search_engines(client):
    region = RegionPage.objects.live().get(region__code="AM22", locale__language_code="nl")
    assert region.intro and not region.search_description
    assert meta_description(client.get(region.url).content.decode()) == region.intro.replace("'", "&#x27;")

    region.search_description = "Rijnmond: scholen, partners en plannen."
    region.save_revision().publish()
    assert meta_description(client.get(region.url).content.decode()) == region.search_description

    for path, words in [
        ("/zoeken/?q=stage", "Zoek in het nieuws"),
        ("/regios/overzicht/", "op een kaart en in een tabel"),
        ("/bestaat-niet/", "Deze pagina bestaat niet"),
    ]:
        assert words in meta_description(client.get(path).content.decode()), path


def test_the_breadcrumb_names_the_home_page(client):
    html = client.get("/kennisbank/").content.decode()
    trail = re.search(r'<nav class="utrecht-breadcrumb-nav.*?</nav>', html, re.S).group(0)
    assert re.search(r'<a class="utrecht-breadcrumb-nav__link" href="/" rel="home">Startpagina</a>', trail)


def test_the_home_page_leads_to_every_section_and_to_the_national_overview(client):
    html = client.get("/").content.decode()
    top_tasks = re.search(r'<nav class="top-tasks".*?</nav>', html, re.S).group(0)
    links = re.findall(r'<a class="top-task__link" href="([^"]+)">', top_tasks)
    assert links == ["/nieuws/", "/kennisbank/", "/agenda/", "/themas/", "/regios/", "/regios/overzicht/"]
    assert client.get("/regios/overzicht/").status_code == 200


def test_the_footer_gives_contact_statements_and_the_news_feed(client):
    html = client.get("/").content.decode()
    footer = re.search(r"<footer.*?</footer>", html, re.S).group(0)
    assert '<a href="mailto:info@vso-pro.example.nl">' in footer
    assert '<a href="tel:+31301234567">030 123 4567</a>' in footer
    for label, slug in [("Toegankelijkheid", "toegankelijkheid"), ("Privacy", "privacy")]:
        assert f'<a href="/{slug}/">{label}</a>' in footer
        assert ContentPage.objects.live().public().filter(slug=slug).exists()
        assert client.get(f"/{slug}/").status_code == 200
    assert '<a href="/feeds/nieuws/rss/" type="application/rss+xml">' in footer


def test_pages_carry_the_house_style_and_icons_without_inline_script_or_style(client):
    for path in ["/", "/kennisbank/", "/zoeken/?q=stage", "/regios/overzicht/", "/toegankelijkheid/"]:
        html = client.get(path).content.decode()
        for asset in ["css/vendor/utrecht-components", "css/theme", "css/site", "img/favicon"]:
            assert asset in html, (path, asset)
        assert 'rel="icon"' in html
        assert " style=" not in html, path
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), path
    for name in [
        "css/vendor/utrecht-components.css",
        "css/theme.css",
        "img/favicon.svg",
        "img/favicon-32.png",
    ]:
        assert finders.find(name), name


def test_the_address_browsers_ask_for_leads_to_the_icon(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith(".png") and "favicon-32" in response["Location"]


def test_the_network_areas_login_page_has_the_sites_layout_in_dutch(client):
    response = client.get("/netwerk/", follow=True)
    html = response.content.decode()
    assert response.redirect_chain and "/_util/login/" in response.redirect_chain[-1][0]
    assert 'class="site-logo"' in html and "utrecht-page-footer" in html
    assert "css/site" in html
    assert re.search(r'<label class="utrecht-form-label[^"]*" for="id_username">Gebruikersnaam</label>', html)
    assert re.search(r'<label class="utrecht-form-label[^"]*" for="id_password">Wachtwoord</label>', html)
    assert 'class="utrecht-button utrecht-button--primary-action" type="submit">Inloggen' in html


def test_a_wrong_password_on_the_network_login_says_so_in_dutch(client):
    response = client.post("/_util/login/", {"username": "admin", "password": "fout", "next": "/netwerk/"})
    html = response.content.decode()
    assert "utrecht-alert--error" in html
    assert "horen niet bij elkaar" in html


def test_the_admin_login_asks_for_the_password_in_dutch(client):
    html = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    labels = [
        re.sub(r"<[^>]+>|\*", "", label).strip()
        for label in re.findall(r"<label[^>]*>(.*?)</label>", html, re.S)
    ]
    assert labels[:2] == ["Gebruikersnaam", "Wachtwoord"]
