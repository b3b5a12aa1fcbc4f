"""Coordinators write in the network area: a post is a page under the area's section, a reply a page
under a post, written and published in the admin; the post shows its replies with their authors.
Only signed-in network members (coordinators, national editors) see any of it."""

import pytest
from django.test import Client

from knowledge.models import NetworkPage

from .conftest import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def section(db):
    return NetworkPage.objects.get(depth=3, locale__language_code="nl")


@pytest.fixture
def colleague(db):
    user = make_user("coordinator-groningen", "Coördinator Groningen", "Netwerk coördinatoren")
    user.first_name, user.last_name = "Gerrit", "Groen"
    user.save()
    return user


def add_url(parent):
    return f"/admin/pages/add/knowledge/networkpage/{parent.pk}/"


def page_form(title, slug, text="", **extra):
    return {"title": title, "slug": slug, "intro": text, "body-count": "0", **extra}


def write(client, parent, title, slug, text):
    response = client.post(add_url(parent), page_form(title, slug, text, **{"action-publish": "1"}))
    assert response.status_code == 302, response.content.decode()[:2000]
    return NetworkPage.objects.get(slug=slug)


def test_a_coordinator_posts_and_a_colleague_replies(client, section, coordinator, colleague):
    coordinator.first_name, coordinator.last_name = "Carla", "Coördinator"
    coordinator.save()
    client.force_login(coordinator)
    assert add_url(section) in client.get(section.url).content.decode()  # "Nieuw bericht"

    post = write(client, section, "Ervaring met het werkgeversontbijt", "werkgeversontbijt", "Wie doet mee?")

    assert post.live and post.owner == coordinator
    listing = client.get(section.url).content.decode()
    assert "Ervaring met het werkgeversontbijt" in listing and "Carla Coördinator" in listing

    client.force_login(colleague)
    form = client.get(add_url(post)).content.decode()
    assert 'value="Reactie op: Ervaring met het werkgeversontbijt"' in form
    write(
        client, post, "Reactie op: Ervaring met het werkgeversontbijt", "reactie-groningen", "Wij doen mee."
    )

    html = client.get(post.url).content.decode()
    replies = html[html.index("Reacties") :]
    assert "Wij doen mee." in replies and "Gerrit Groen" in replies
    assert add_url(post) in replies  # "Reageren"


def test_coordinators_edit_their_own_posts_only(client, section, coordinator, colleague):
    client.force_login(coordinator)
    post = write(client, section, "Vraag over nazorg", "vraag-nazorg", "Hoe regelen jullie dat?")
    edit = f"/admin/pages/{post.pk}/edit/"
    assert client.get(edit).status_code == 200

    client.force_login(colleague)
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, page_form("Overschreven", "vraag-nazorg", **{"action-publish": "1"}))
    assert NetworkPage.objects.get(pk=post.pk).title == "Vraag over nazorg"


def test_only_signed_in_network_members_read_it(client, section, coordinator, steering_member):
    client.force_login(coordinator)
    post = write(client, section, "Alleen voor het netwerk", "alleen-netwerk", "Binnenkant.")

    assert Client().get(post.url).status_code == 302  # to the login
    client.force_login(steering_member)
    assert client.get(post.url).status_code in (302, 403)
    assert client.get(add_url(post)).status_code in (302, 403)


def test_writing_is_not_for_the_steering_group(client, section, steering_member):
    client.force_login(steering_member)
    client.post(add_url(section), page_form("Niet van mij", "niet-van-mij", **{"action-publish": "1"}))
    assert not NetworkPage.objects.filter(slug="niet-van-mij").exists()
