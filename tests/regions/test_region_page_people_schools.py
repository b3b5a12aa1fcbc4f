"""The region page: coordinators with their work contacts, the steering group, the
centrumgemeente, the region's schools grouped by type, in a fixed number of queries."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regions.models import Municipality, RegionCoordinator, RegionPage, SteeringGroupMember

from .school_data import make_schools

pytestmark = pytest.mark.django_db


@pytest.fixture
def achterhoek(db):
    return RegionPage.objects.get(region__code="AM09", locale__language_code="nl")


def publish_people(page):
    page.centre_municipality = Municipality.objects.get(name="Doetinchem")
    page.coordinators = [RegionCoordinator(name="Femke Kok", email="f.kok@example.org", phone="0314123456")]
    page.steering_group_members = [
        SteeringGroupMember(name="Henk Arts", role="voorzitter", organisation="Praktijkschool Achterhoek")
    ]
    page.save_revision().publish()


def test_region_page_shows_coordinator_steering_group_and_centrumgemeente(client, achterhoek):
    publish_people(achterhoek)

    html = client.get(achterhoek.url).content.decode()

    assert "Femke Kok" in html
    assert 'href="mailto:f.kok@example.org"' in html
    assert '<a href="tel:+31314123456">0314 123 456</a>' in html  # grouped, dialable from abroad
    assert "Henk Arts, voorzitter (Praktijkschool Achterhoek)" in html
    assert "Centrumgemeente: Doetinchem" in html


def test_schools_are_grouped_by_type_and_inactive_ones_left_out(client, achterhoek):
    pro = make_schools("AM09", pro=2)
    vso = make_schools("AM09", vso=1)
    inactive = make_schools("AM09", pro=1, active=False)

    html = client.get(achterhoek.url).content.decode()

    pro_heading = html.index("<h3>Praktijkonderwijs</h3>")
    vso_heading = html.index("<h3>Voortgezet speciaal onderwijs</h3>")
    assert all(pro_heading < html.index(s.name) < vso_heading for s in pro)
    assert all(html.index(s.name) > vso_heading for s in vso)
    assert inactive[0].name not in html


def test_centrumgemeente_must_lie_in_the_region(achterhoek):
    achterhoek.centre_municipality = Municipality.objects.get(name="Rotterdam")
    with pytest.raises(ValidationError) as error:
        achterhoek.full_clean()
    assert "centre_municipality" in error.value.message_dict


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_region_page_queries_do_not_grow_with_the_number_of_schools(client, achterhoek):
    publish_people(achterhoek)
    make_schools("AM09", pro=1, vso=1)
    client.get(achterhoek.url)  # warm Wagtail's site and locale caches
    few = queries_for(client, achterhoek.url)

    make_schools("AM09", pro=15, vso=10)
    many = queries_for(client, achterhoek.url)

    assert many == few


def test_a_draft_coordinator_shows_in_the_preview_but_not_on_the_live_page(client, achterhoek):
    achterhoek.coordinators = [RegionCoordinator(name="Concept Coördinator", email="c@example.org")]
    achterhoek.save_revision()

    # The headless preview answers with a redirect to the front end's preview address.
    redirect = achterhoek.get_latest_revision_as_object().make_preview_request()
    assert "Concept Coördinator" in client.get(redirect.url).content.decode()
    assert "Concept Coördinator" not in client.get(achterhoek.url).content.decode()


def test_region_page_editor_offers_the_people_panels(client, achterhoek):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    client.force_login(get_user_model().objects.create_superuser("beheer", "b@example.org", "pw"))
    html = client.get(reverse("wagtailadmin_pages:edit", args=[achterhoek.pk])).content.decode()
    assert 'name="centre_municipality"' in html
    assert 'id="id_coordinators-TOTAL_FORMS"' in html
    assert 'id="id_steering_group_members-TOTAL_FORMS"' in html
