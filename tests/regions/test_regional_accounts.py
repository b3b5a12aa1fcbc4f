"""Accounts per regio: the network's managers invite a coordinator or a steering-group member in one
form, the groups follow from region and role, the invitee chooses a password through the mailed link
(a real SMTP server), and accounts of people who left are deactivated, never deleted. Nobody gets
more than a regional role through it."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.models import Revision

from regions.models import Region
from tests.accounts.two_factor import VerifiedClient
from tests.knowledge.factories import NewsPageFactory
from tests.mail import free_port

from .conftest import make_plan, make_user
from .test_annual_plan_workflow import submit

pytestmark = pytest.mark.django_db

BASE_URL = "https://kennisplatform.example.nl"
PASSWORD = "gekozen-wachtwoord-2026"
INDEX = reverse("regional_accounts:index")
INVITE = reverse("regional_accounts:add")


def edit_url(account):
    return reverse("regional_accounts:edit", args=[account.pk])


def region(code):
    return Region.objects.get(code=code)


def invitation(region_code="AM22", role="coordinator", email="sanne.jansen@rijnmond.example", **extra):
    return {
        "first_name": "Sanne",
        "last_name": "Jansen",
        "email": email,
        "region": region(region_code).pk,
        "role": role,
        **extra,
    }


def edit_form(account, region_code, role, active=True, **extra):
    data = {
        "first_name": account.first_name or "Voornaam",
        "last_name": account.last_name or "Achternaam",
        "email": account.email,
        "region": region(region_code).pk,
        "role": role,
        **extra,
    }
    if active:
        data["is_active"] = "on"
    return data


def group_names(user):
    return set(user.groups.values_list("name", flat=True))


def text_of(message):
    return message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")


def logs_in(username, password):
    browser = Client()
    browser.post("/admin/login/", {"username": username, "password": password})
    return "_auth_user_id" in browser.session


def shown_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_setup_roles_makes_the_network_managers_with_the_account_rights_only():
    managers = Group.objects.get(name="Beheer netwerk")
    rights = {"add_regionalaccount", "change_regionalaccount"}
    assert set(managers.permissions.values_list("codename", flat=True)) == {"access_admin", *rights}
    national = Group.objects.get(name="Landelijke redactie")
    assert rights <= set(national.permissions.values_list("codename", flat=True))
    # Nothing in the project lets anyone delete a regional account.
    assert not Permission.objects.filter(codename="delete_regionalaccount").exists()

    before = managers.permissions.count()
    call_command("setup_roles", verbosity=0)
    assert Group.objects.filter(name="Beheer netwerk").count() == 1
    assert managers.permissions.count() == before


@pytest.mark.parametrize("manager", ["network_manager", "national_editor"])
def test_the_network_managers_and_national_editors_find_accounts_in_the_menu(client, request, manager):
    client.force_login(request.getfixturevalue(manager))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Accounts per regio" in dashboard
    assert client.get(INVITE).status_code == 200


def test_a_coordinator_is_invited_chooses_a_password_and_logs_in(
    client, network_manager, smtp_server, settings
):
    settings.WAGTAILADMIN_BASE_URL = BASE_URL
    client.force_login(network_manager)
    form = client.get(INVITE).content.decode()
    for label in (
        "Voornaam",
        "Achternaam",
        "E-mailadres",
        "Arbeidsmarktregio",
        "Rol",
        "Lid van de stuurgroep",
    ):
        assert label in form
    assert "password" not in form

    response = client.post(INVITE, invitation(email="Sanne.Jansen@Rijnmond.example"))
    assert response.status_code == 302 and response["Location"] == INDEX
    assert any(
        "uitnodiging is verstuurd naar sanne.jansen@rijnmond.example" in m for m in shown_messages(response)
    )

    account = get_user_model().objects.get(email="sanne.jansen@rijnmond.example")
    assert account.username == "sanne.jansen@rijnmond.example"
    assert (account.first_name, account.last_name) == ("Sanne", "Jansen")
    assert not account.has_usable_password()
    assert group_names(account) == {"Coördinator Rijnmond", "Netwerk coördinatoren"}

    [mail] = smtp_server.messages
    assert mail["To"] == "sanne.jansen@rijnmond.example"
    assert mail["From"] == settings.DEFAULT_FROM_EMAIL
    assert "VSO-PRO kennisplatform" in mail["Subject"]
    body = text_of(mail)
    assert "Beste Sanne" in body
    assert "netwerkcoördinator van de arbeidsmarktregio Rijnmond" in body
    assert "sanne.jansen@rijnmond.example" in body  # the username
    link = re.search(r"https?://\S+/password_reset/confirm/\S+/", body).group()
    assert link.startswith(f"{BASE_URL}/admin/password_reset/confirm/")

    invitee = Client()
    form_url = invitee.get(urlsplit(link).path)["Location"]
    assert invitee.get(form_url).status_code == 200
    response = invitee.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response["Location"] == "/admin/password_reset/complete/"

    assert logs_in("sanne.jansen@rijnmond.example", PASSWORD)
    # The link works once.
    assert Client().get(urlsplit(link).path).context["validlink"] is False


def test_a_steering_group_member_joins_the_steering_group_only(client, network_manager, smtp_server):
    client.force_login(network_manager)
    client.post(INVITE, invitation(region_code="AM01", role="stuurgroep", email="lid@groningen.example"))
    account = get_user_model().objects.get(email="lid@groningen.example")
    assert group_names(account) == {"Stuurgroep Groningen"}
    assert "lid van de stuurgroep van de arbeidsmarktregio Groningen" in text_of(smtp_server.messages[0])


def test_the_list_shows_the_regions_people_and_no_one_else(
    client, network_manager, coordinator, steering_member, national_editor
):
    coordinator.first_name, coordinator.last_name = "Cor", "Dinator"
    coordinator.save()
    get_user_model().objects.create_superuser("beheerder", "beheerder@example.org", "pw")
    client.force_login(network_manager)

    response = client.get(INDEX)
    listed = list(response.context["object_list"])
    assert set(listed) == {coordinator, steering_member}
    page = response.content.decode()
    assert "Cor Dinator" in page and "Rijnmond" in page and "Lid van de stuurgroep" in page

    filtered = client.get(INDEX, {"role": "stuurgroep"}).context["object_list"]
    assert list(filtered) == [steering_member]
    assert list(client.get(INDEX, {"region": region("AM01").pk}).context["object_list"]) == []


def test_changing_region_and_role_moves_the_groups(client, network_manager, coordinator):
    client.force_login(network_manager)
    assert client.get(edit_url(coordinator)).status_code == 200

    response = client.post(edit_url(coordinator), edit_form(coordinator, "AM01", "stuurgroep"))

    assert response.status_code == 302
    assert group_names(coordinator) == {"Stuurgroep Groningen"}


def test_the_edit_form_shows_the_current_region_and_role(client, network_manager, coordinator):
    client.force_login(network_manager)
    form = client.get(edit_url(coordinator)).context["form"]
    assert form.initial["region"] == region("AM22")
    assert form.initial["role"] == "coordinator"


def test_a_deactivated_account_stays_with_its_history_and_can_no_longer_log_in(
    client, network_manager, coordinator, rijnmond
):
    NewsPageFactory(parent=rijnmond, title="Nieuws van de coördinator", revision__user=coordinator)
    assert logs_in(coordinator.username, "pw")
    coordinators_session = VerifiedClient()
    coordinators_session.force_login(coordinator)
    assert coordinators_session.get("/admin/").status_code == 200
    client.force_login(network_manager)

    response = client.post(edit_url(coordinator), edit_form(coordinator, "AM22", "coordinator", active=False))

    assert response.status_code == 302
    assert any("gedeactiveerd" in message for message in shown_messages(response))
    coordinator.refresh_from_db()
    assert not coordinator.is_active
    assert group_names(coordinator) == {"Coördinator Rijnmond", "Netwerk coördinatoren"}
    assert Revision.objects.filter(user=coordinator).exists()
    # Signed out at the next request, and the password no longer works.
    assert coordinators_session.get("/admin/")["Location"].startswith("/admin/login/")
    assert not logs_in(coordinator.username, "pw")
    # Still listed (as deactivated), so it can be switched on again.
    page = client.get(INDEX).content.decode()
    assert "Gedeactiveerd" in page


def test_a_deactivated_steering_group_member_hears_of_no_plan(
    client, network_manager, coordinator, steering_member, rijnmond, smtp_server
):
    steering_member.email = "vertrokken@rijnmond.example"
    steering_member.save()
    client.force_login(network_manager)
    client.post(edit_url(steering_member), edit_form(steering_member, "AM22", "stuurgroep", active=False))
    still_there = make_user("blijft", "Stuurgroep Rijnmond")

    client.force_login(coordinator)
    submit(client, make_plan(rijnmond, live=False))

    assert [mail["To"] for mail in smtp_server.messages] == [still_there.email]


def test_the_history_says_who_made_and_changed_an_account(client, network_manager, smtp_server):
    client.force_login(network_manager)
    client.post(INVITE, invitation())
    account = get_user_model().objects.get(email="sanne.jansen@rijnmond.example")
    client.post(edit_url(account), edit_form(account, "AM01", "stuurgroep"))

    response = client.get(reverse("regional_accounts:history", args=[account.pk]))

    assert response.status_code == 200
    entries = response.context["object_list"]
    assert [(entry.action, entry.user) for entry in entries] == [
        ("wagtail.edit", network_manager),
        ("wagtail.create", network_manager),
    ]


def test_accounts_are_never_deleted_here(client, network_manager, coordinator):
    client.force_login(network_manager)
    edit_page = client.get(edit_url(coordinator)).content.decode()
    assert "Verwijderen" not in edit_page and "/delete/" not in edit_page
    assert client.post(f"/admin/accounts-per-regio/delete/{coordinator.pk}/").status_code == 404
    client.post(reverse("wagtailusers_users:delete", args=[coordinator.pk]))
    assert get_user_model().objects.filter(pk=coordinator.pk).exists()


def test_a_forged_invitation_gives_no_more_than_the_regional_role(client, network_manager, smtp_server):
    national = Group.objects.get(name="Landelijke redactie")
    client.force_login(network_manager)
    client.post(
        INVITE,
        invitation(
            is_superuser="on",
            is_staff="on",
            groups=[national.pk],
            user_permissions=list(Permission.objects.values_list("pk", flat=True)[:5]),
            username="admin2",
            password="zelfgekozen",
        ),
    )
    account = get_user_model().objects.get(email="sanne.jansen@rijnmond.example")
    assert not account.is_superuser and not account.is_staff
    assert group_names(account) == {"Coördinator Rijnmond", "Netwerk coördinatoren"}
    assert not account.user_permissions.exists()
    assert not account.has_usable_password()


def test_a_role_outside_the_two_is_refused(client, network_manager):
    client.force_login(network_manager)
    response = client.post(INVITE, invitation(role="landelijke-redactie"))
    assert response.status_code == 200
    assert "role" in response.context["form"].errors
    assert not get_user_model().objects.filter(email="sanne.jansen@rijnmond.example").exists()


@pytest.mark.parametrize("other", ["national_editor", "network_manager", "superuser", "coordinator_plus"])
def test_accounts_with_more_than_a_regional_role_are_out_of_reach(
    client, network_manager, coordinator, other
):
    accounts = {
        "national_editor": lambda: make_user("redactie-2", "Landelijke redactie"),
        "network_manager": lambda: network_manager,
        "superuser": lambda: get_user_model().objects.create_superuser("beheerder", "b@example.org", "pw"),
        # A coordinator who is a national editor as well.
        "coordinator_plus": lambda: make_user("dubbel", "Coördinator Rijnmond", "Landelijke redactie"),
    }
    target = accounts[other]()
    before = group_names(target), target.is_active, target.email
    client.force_login(network_manager)

    assert client.get(edit_url(target)).status_code == 404
    assert client.get(reverse("regional_accounts:history", args=[target.pk])).status_code == 404
    client.post(
        edit_url(target), edit_form(target, "AM22", "stuurgroep", active=False, email="x@example.org")
    )

    target.refresh_from_db()
    assert (group_names(target), target.is_active, target.email) == before


def test_an_address_in_use_is_refused_whatever_its_case(client, network_manager, coordinator, smtp_server):
    coordinator.email = "bezet@rijnmond.example"
    coordinator.save()
    client.force_login(network_manager)

    response = client.post(INVITE, invitation(email="Bezet@Rijnmond.example"))

    assert response.status_code == 200
    assert "Er is al een account met dit e-mailadres" in response.content.decode()
    assert get_user_model().objects.filter(email__iexact="bezet@rijnmond.example").count() == 1
    assert smtp_server.messages == []


def test_a_mail_server_that_is_down_leaves_the_account_and_says_so(client, network_manager, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()  # nothing listens there
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    client.force_login(network_manager)

    response = client.post(INVITE, invitation())

    account = get_user_model().objects.get(email="sanne.jansen@rijnmond.example")
    assert response.status_code == 302 and response["Location"] == edit_url(account)
    assert any("kon niet worden verstuurd" in message for message in shown_messages(response))


def test_an_invitation_is_sent_again_until_a_password_is_chosen(client, network_manager, smtp_server):
    client.force_login(network_manager)
    client.post(INVITE, invitation())
    account = get_user_model().objects.get(email="sanne.jansen@rijnmond.example")

    client.post(edit_url(account), edit_form(account, "AM22", "coordinator", invite_again="on"))

    assert [mail["To"] for mail in smtp_server.messages] == [account.email, account.email]
    account.set_password(PASSWORD)
    account.save()
    assert "invite_again" not in client.get(edit_url(account)).context["form"].fields


def test_a_new_address_becomes_the_username(client, network_manager, smtp_server):
    client.force_login(network_manager)
    client.post(INVITE, invitation())
    account = get_user_model().objects.get(email="sanne.jansen@rijnmond.example")
    data = edit_form(account, "AM22", "coordinator")
    data["email"] = "s.jansen@rijnmond.example"

    client.post(edit_url(account), data)

    account.refresh_from_db()
    assert account.username == account.email == "s.jansen@rijnmond.example"
