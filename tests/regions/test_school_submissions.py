"""The schools' voice: a school contact (an account tied to one school or more, invited through
Accounts per regio) signs in on the site and submits a knelpunt or ontwikkelpunt; the region's
coordinator reviews it in the admin and on the dashboard, and an accepted point appears on the
arbeidsmarktregio-foto. Mails go to a real SMTP server."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from regions.accounts import AccountRole, assign
from regions.models import RegionalPhotoPage, SchoolSubmission, SubmissionStatus
from themes.models import Theme

from .conftest import make_photo, make_user
from .factories import SchoolFactory
from .test_coordinator_dashboard import dashboard, panel_of
from .test_regional_accounts import INVITE, PASSWORD, invitation, region, text_of
from .test_workflow_mail import mails_to

pytestmark = pytest.mark.django_db

SUBMIT = "/school/melden/"
LOGIN = "/school/inloggen/"


def school_contact(username, *schools):
    account = get_user_model().objects.create_user(username, f"{username}@school.example", "pw")
    assign(account, schools[0].municipality.region, AccountRole.SCHOOL_CONTACT, schools)
    return account


def review_url(submission):
    return reverse("school_submissions:edit", args=[submission.pk])


def signed_in(account):
    browser = Client()
    browser.force_login(account)
    return browser


def point(school, title="Te weinig stageplekken in de zorg", kind="knelpunt"):
    return {
        "school": school.pk,
        "kind": kind,
        "theme": Theme.objects.get(code="stage-en-uitstroomplaatsen").pk,
        "title": title,
        "text": "Zorginstellingen nemen geen leerlingen met een begeleidingsvraag aan.",
    }


@pytest.fixture
def rijnmond_school(db):
    return SchoolFactory(region_code="AM22", name="Praktijkschool De Haven")


@pytest.fixture
def contact(rijnmond_school):
    return school_contact("contact-haven", rijnmond_school)


@pytest.fixture
def photo(rijnmond):
    return make_photo(rijnmond, bottlenecks=[("Vervoer naar stages", ["nazorg"])])


@pytest.fixture
def submitted(contact, rijnmond_school, photo, coordinator):
    signed_in(contact).post(SUBMIT, point(rijnmond_school))
    return SchoolSubmission.objects.get(title="Te weinig stageplekken in de zorg")


def test_a_school_contact_is_invited_chooses_a_password_and_signs_in_on_the_site(
    client, network_manager, rijnmond_school, smtp_server
):
    client.force_login(network_manager)
    assert "Schoolcontactpersoon" in client.get(INVITE).content.decode()

    response = client.post(
        INVITE, invitation(role="school", email="contact@haven.example", schools=[rijnmond_school.pk])
    )

    assert response.status_code == 302
    account = get_user_model().objects.get(email="contact@haven.example")
    assert set(account.groups.values_list("name", flat=True)) == {"Schoolcontactpersonen"}
    assert list(account.school_contact.schools.all()) == [rijnmond_school]
    [mail] = smtp_server.messages
    body = text_of(mail)
    assert "schoolcontactpersoon van Praktijkschool De Haven." in body
    link = re.search(r"https?://\S+/school/wachtwoord/\S+/", body).group()

    invitee = Client()
    form_url = invitee.get(urlsplit(link).path)["Location"]
    response = invitee.post(form_url, {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert response["Location"] == LOGIN
    response = invitee.post(LOGIN, {"username": "contact@haven.example", "password": PASSWORD})
    assert response["Location"] == SUBMIT
    assert "Knelpunt of ontwikkelpunt melden" in invitee.get(SUBMIT).content.decode()
    # The site, not the admin: a school contact has no business there.
    assert invitee.get("/admin/")["Location"].startswith("/admin/login/")


def test_a_school_contact_is_tied_to_schools_of_the_chosen_region_only(client, network_manager):
    groningen_school = SchoolFactory(region_code="AM01")
    client.force_login(network_manager)
    response = client.post(INVITE, invitation(role="school", schools=[groningen_school.pk]))
    assert response.status_code == 200
    assert "Kies alleen scholen in de arbeidsmarktregio Rijnmond" in response.content.decode()
    response = client.post(INVITE, invitation(role="school"))
    assert "Kies de school of scholen" in response.content.decode()
    assert not get_user_model().objects.filter(email="sanne.jansen@rijnmond.example").exists()


def test_the_edit_form_shows_the_school_contacts_schools(client, network_manager, contact, rijnmond_school):
    client.force_login(network_manager)
    html = client.get(reverse("regional_accounts:edit", args=[contact.pk])).content.decode()
    assert f'value="{rijnmond_school.pk}" selected' in html
    listing = client.get(reverse("regional_accounts:index") + "?role=school").content.decode()
    assert "contact-haven@school.example" in listing


def test_a_submission_lands_with_the_coordinator_not_on_the_photo(
    client, contact, rijnmond_school, photo, coordinator, smtp_server
):
    coordinator.email = "coordinator@rijnmond.example"
    coordinator.save()
    make_user("coordinator-groningen", "Coördinator Groningen")

    response = signed_in(contact).post(SUBMIT, point(rijnmond_school))

    assert response.status_code == 302
    submission = SchoolSubmission.objects.get()
    assert submission.status == SubmissionStatus.PENDING and submission.region == region("AM22")
    assert submission.submitted_by == contact
    [mail] = mails_to(smtp_server, "coordinator@rijnmond.example")
    assert "Praktijkschool De Haven" in mail["Subject"]
    assert review_url(submission) in text_of(mail)
    assert not mails_to(smtp_server, "coordinator-groningen@example.org")
    assert "Te weinig stageplekken in de zorg" not in client.get(photo.url).content.decode()

    panel = panel_of(dashboard(client, coordinator), "Rijnmond")
    assert "1 knelpunt of ontwikkelpunt ter beoordeling" in panel
    listing = client.get(reverse("school_submissions:index")).content.decode()
    assert "Te weinig stageplekken in de zorg" in listing


def test_the_coordinator_accepts_and_the_point_appears_on_the_photo(
    client, submitted, coordinator, photo, contact, smtp_server
):
    client.force_login(coordinator)
    response = client.post(review_url(submitted), {"decision": "accepteren", "rejection_reason": ""})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == SubmissionStatus.ACCEPTED and submitted.reviewed_by == coordinator
    live_photo = RegionalPhotoPage.objects.get(pk=photo.pk)
    assert not live_photo.has_unpublished_changes
    bottleneck = live_photo.bottlenecks.get(title="Te weinig stageplekken in de zorg")
    assert list(bottleneck.schools.all()) == [submitted.school]
    assert [theme.code for theme in bottleneck.themes.all()] == ["stage-en-uitstroomplaatsen"]
    assert live_photo.bottlenecks.filter(title="Vervoer naar stages").exists()  # nothing lost
    html = Client().get(photo.url).content.decode()
    assert "Te weinig stageplekken in de zorg" in html and "Praktijkschool De Haven" in html

    [mail] = mails_to(smtp_server, contact.email)
    assert "staat op de arbeidsmarktregio-foto" in mail["Subject"]
    assert "Geaccepteerd" in signed_in(contact).get(SUBMIT).content.decode()
    # Decided once.
    client.post(review_url(submitted), {"decision": "afwijzen", "rejection_reason": "Toch niet"})
    assert SchoolSubmission.objects.get(pk=submitted.pk).status == SubmissionStatus.ACCEPTED


def test_a_photo_with_unpublished_changes_gets_the_point_in_its_draft(client, submitted, coordinator, photo):
    draft = RegionalPhotoPage.objects.get(pk=photo.pk)
    draft.intro = "Nog niet klaar"
    draft.save_revision()
    client.force_login(coordinator)
    client.post(review_url(submitted), {"decision": "accepteren"})

    photo = RegionalPhotoPage.objects.get(pk=photo.pk)
    assert not photo.bottlenecks.filter(title="Te weinig stageplekken in de zorg").exists()
    latest = photo.get_latest_revision_as_object()
    assert latest.intro == "Nog niet klaar"
    assert any(b.title == "Te weinig stageplekken in de zorg" for b in latest.bottlenecks.all())


def test_a_rejection_needs_a_reason_which_the_school_gets(
    client, submitted, coordinator, contact, smtp_server
):
    client.force_login(coordinator)
    response = client.post(review_url(submitted), {"decision": "afwijzen", "rejection_reason": " "})
    assert response.status_code == 200
    assert SchoolSubmission.objects.get(pk=submitted.pk).is_pending

    client.post(
        review_url(submitted),
        {"decision": "afwijzen", "rejection_reason": "Staat al op de foto als vervoer."},
    )
    assert SchoolSubmission.objects.get(pk=submitted.pk).status == SubmissionStatus.REJECTED
    [mail] = mails_to(smtp_server, contact.email)
    assert "Staat al op de foto als vervoer." in text_of(mail)
    assert "Staat al op de foto als vervoer." in signed_in(contact).get(SUBMIT).content.decode()


def test_a_region_without_a_photo_cannot_accept_yet(client, contact, rijnmond_school, rijnmond, coordinator):
    signed_in(contact).post(SUBMIT, point(rijnmond_school))
    submission = SchoolSubmission.objects.get()
    client.force_login(coordinator)
    response = client.post(review_url(submission), {"decision": "accepteren"})
    assert "heeft nog geen arbeidsmarktregio-foto" in response.content.decode()
    assert SchoolSubmission.objects.get().is_pending


def test_another_regions_coordinator_neither_sees_nor_decides(client, submitted):
    other = make_user("coordinator-groningen", "Coördinator Groningen", "Netwerk coördinatoren")
    client.force_login(other)
    assert "Te weinig stageplekken" not in client.get(reverse("school_submissions:index")).content.decode()
    assert client.get(review_url(submitted)).status_code == 404
    client.post(review_url(submitted), {"decision": "afwijzen", "rejection_reason": "Niet van ons"})
    assert SchoolSubmission.objects.get(pk=submitted.pk).is_pending


def test_a_school_contact_sees_only_its_own_schools_submissions(submitted, rijnmond_school):
    groningen_school = SchoolFactory(region_code="AM01", name="Vso Noorderlicht")
    other = school_contact("contact-noorderlicht", groningen_school)
    signed_in(other).post(SUBMIT, point(groningen_school, title="Geen vervoer in de Ommelanden"))

    page = signed_in(other).get(SUBMIT).content.decode()
    assert "Geen vervoer in de Ommelanden" in page
    assert "Te weinig stageplekken in de zorg" not in page
    assert f'value="{rijnmond_school.pk}"' not in page
    # A school it is not tied to is refused.
    response = signed_in(other).post(SUBMIT, point(rijnmond_school, title="Namens een ander"))
    assert response.status_code == 200
    assert not SchoolSubmission.objects.filter(title="Namens een ander").exists()


def test_the_form_is_for_school_contacts_only(client, coordinator):
    assert Client().get(SUBMIT)["Location"].startswith(LOGIN)
    client.force_login(coordinator)
    assert client.get(SUBMIT).status_code == 403


def test_the_review_list_takes_a_fixed_number_of_queries(client, contact, rijnmond_school, coordinator):
    browser = signed_in(contact)
    client.force_login(coordinator)

    def queries_for_listing():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("school_submissions:index")).status_code == 200
        return len(queries)

    browser.post(SUBMIT, point(rijnmond_school, title="Eerste"))
    few = queries_for_listing()
    for number in range(5):
        browser.post(SUBMIT, point(rijnmond_school, title=f"Punt {number}"))
    assert queries_for_listing() == few
