"""The permission matrix beyond pages: snippets, model viewsets, settings, images, documents and the
admin's own areas, for each role. What a role may not see it cannot reach by address either, and a
forged POST changes nothing."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site

from core.models import SiteSettings
from regions.accounts import AccountRole, assign
from regions.models import AnnualPlanPage, Region, RegionRoles, SchoolSubmission
from themes.models import Theme

from .conftest import make_user
from .factories import SchoolFactory

pytestmark = pytest.mark.django_db

ROLES = ["coordinator", "steering member", "national editor", "network manager", "school contact"]
ACCOUNT_MANAGERS = {"national editor", "network manager"}


@pytest.fixture
def users(coordinator, steering_member, national_editor, network_manager):
    contact = get_user_model().objects.create_user("contact", "contact@school.example", "pw")
    school = SchoolFactory(region_code="AM22")
    assign(contact, school.municipality.region, AccountRole.SCHOOL_CONTACT, [school])
    return {
        "coordinator": coordinator,
        "steering member": steering_member,
        "national editor": national_editor,
        "network manager": network_manager,
        "school contact": contact,
    }


def region_collection(code):
    return RegionRoles.objects.get(region__code=code).collection


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "teal").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def objects(db):
    """One object of each kind in Rijnmond (the coordinator's region) and in Groningen."""
    Image, Document = get_image_model(), get_document_model()
    made = {}
    for place, code in (("own", "AM22"), ("other", "AM01")):
        collection = region_collection(code)
        made[f"{place} school"] = SchoolFactory(region_code=code)
        made[f"{place} submission"] = SchoolSubmission.objects.create(
            school=made[f"{place} school"],
            kind="knelpunt",
            theme=Theme.objects.first(),
            title="Punt",
            text="Tekst",
        )
        made[f"{place} plan"] = AnnualPlanPage.objects.get(region__code=code, year=timezone.localdate().year)
        made[f"{place} image"] = Image.objects.create(
            title=f"Foto {code}", collection=collection, file=ImageFile(io.BytesIO(png_bytes()), name="f.png")
        )
        made[f"{place} document"] = Document.objects.create(
            title=f"Verslag {code}", collection=collection, file=ContentFile(b"verslag", name="v.txt")
        )
    made["theme"] = Theme.objects.order_by("order").first()
    made["account"] = make_user("stuurgroep-groningen", "Stuurgroep Groningen")
    made["site"] = Site.objects.get(is_default_site=True)
    return made


# (what, address) → the roles that may open it
PAGES_OF_THE_ADMIN = {
    "own school": (
        lambda o: reverse("wagtailsnippets_regions_school:edit", args=[o["own school"].pk]),
        {"coordinator", "national editor"},
    ),
    "other school": (
        lambda o: reverse("wagtailsnippets_regions_school:edit", args=[o["other school"].pk]),
        {"national editor"},
    ),
    "schools": (lambda o: reverse("wagtailsnippets_regions_school:list"), {"coordinator", "national editor"}),
    "school submissions": (lambda o: reverse("school_submissions:index"), {"coordinator", "national editor"}),
    "own submission": (
        lambda o: reverse("school_submissions:edit", args=[o["own submission"].pk]),
        {"coordinator", "national editor"},
    ),
    "other submission": (
        lambda o: reverse("school_submissions:edit", args=[o["other submission"].pk]),
        {"national editor"},
    ),
    "progress report in the own plan": (
        lambda o: reverse("wagtailadmin_pages:add", args=["regions", "progressreportpage", o["own plan"].pk]),
        {"coordinator", "national editor"},
    ),
    "progress report in another plan": (
        lambda o: reverse(
            "wagtailadmin_pages:add", args=["regions", "progressreportpage", o["other plan"].pk]
        ),
        {"national editor"},
    ),
    "themes": (lambda o: reverse("themes:index"), {"national editor"}),
    "news authors": (lambda o: reverse("wagtailsnippets_knowledge_author:list"), {"national editor"}),
    "add a news author": (lambda o: reverse("wagtailsnippets_knowledge_author:add"), {"national editor"}),
    "theme": (lambda o: reverse("themes:edit", args=[o["theme"].pk]), {"national editor"}),
    "site settings": (
        lambda o: reverse("wagtailsettings:edit", args=["core", "sitesettings", o["site"].pk]),
        {"national editor"},
    ),
    "own image": (
        lambda o: reverse("wagtailimages:edit", args=[o["own image"].pk]),
        {"coordinator", "national editor"},
    ),
    "other image": (lambda o: reverse("wagtailimages:edit", args=[o["other image"].pk]), {"national editor"}),
    "own document": (
        lambda o: reverse("wagtaildocs:edit", args=[o["own document"].pk]),
        {"coordinator", "national editor"},
    ),
    "other document": (
        lambda o: reverse("wagtaildocs:edit", args=[o["other document"].pk]),
        {"national editor"},
    ),
    "regional accounts": (lambda o: reverse("regional_accounts:index"), ACCOUNT_MANAGERS),
    "invite an account": (lambda o: reverse("regional_accounts:add"), ACCOUNT_MANAGERS),
    "regional account": (
        lambda o: reverse("regional_accounts:edit", args=[o["account"].pk]),
        ACCOUNT_MANAGERS,
    ),
    "users": (lambda o: reverse("wagtailusers_users:index"), set()),
    "groups": (lambda o: reverse("wagtailusers_groups:index"), set()),
    "workflows": (lambda o: reverse("wagtailadmin_workflows:index"), set()),
    "collections": (lambda o: reverse("wagtailadmin_collections:index"), set()),
    "sites": (lambda o: reverse("wagtailsites:index"), set()),
    "locales": (lambda o: reverse("wagtaillocales:index"), set()),
    "redirects": (lambda o: reverse("wagtailredirects:index"), set()),
    "search promotions": (lambda o: reverse("wagtailsearchpromotions:index"), set()),
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("what", list(PAGES_OF_THE_ADMIN))
def test_each_role_opens_only_its_own_part_of_the_admin(client, users, objects, role, what):
    address, allowed = PAGES_OF_THE_ADMIN[what]
    client.force_login(users[role])
    response = client.get(address(objects))
    if role in allowed:
        assert response.status_code == 200
    else:
        # Wagtail answers a refusal by sending the user back to the dashboard with a message; an
        # account without admin access (a school contact) to the login.
        assert response.status_code in (302, 403, 404)
        refused = reverse("wagtailadmin_login") if role == "school contact" else reverse("wagtailadmin_home")
        assert response.status_code != 302 or response["Location"].split("?")[0] == refused


def test_the_coordinators_list_of_schools_holds_only_their_region(client, coordinator, objects):
    client.force_login(coordinator)
    listed = client.get(reverse("wagtailsnippets_regions_school:list")).context["page_obj"].object_list
    assert objects["own school"] in listed
    assert objects["other school"] not in listed


@pytest.mark.parametrize("role", ["coordinator", "steering member"])
@pytest.mark.parametrize("what", ["other school", "other image", "other document"])
def test_a_forged_delete_outside_the_own_region_deletes_nothing(client, users, objects, role, what):
    thing = objects[what]
    delete = {
        "other school": "wagtailsnippets_regions_school:delete",
        "other image": "wagtailimages:delete",
        "other document": "wagtaildocs:delete",
    }[what]
    client.force_login(users[role])
    client.post(reverse(delete, args=[thing.pk]))
    assert type(thing).objects.filter(pk=thing.pk).exists()


def test_a_coordinator_deletes_an_image_of_their_own_region(client, coordinator, objects):
    client.force_login(coordinator)
    client.post(reverse("wagtailimages:delete", args=[objects["own image"].pk]))
    assert not get_image_model().objects.filter(pk=objects["own image"].pk).exists()


@pytest.mark.parametrize("role", ["coordinator", "steering member"])
def test_a_forged_theme_edit_changes_nothing(client, users, objects, role):
    theme = objects["theme"]
    client.force_login(users[role])
    client.post(reverse("themes:edit", args=[theme.pk]), {"title": "Gekaapt", "description": "x"})
    theme.refresh_from_db()
    assert theme.title != "Gekaapt"


@pytest.mark.parametrize("role", ["coordinator", "steering member"])
def test_a_forged_settings_change_changes_nothing(client, users, objects, role):
    site = objects["site"]
    client.force_login(users[role])
    client.post(
        reverse("wagtailsettings:edit", args=["core", "sitesettings", site.pk]),
        {"site_name": "Gekaapt", "footer_links-count": "0"},
    )
    assert SiteSettings.for_site(site).site_name != "Gekaapt"


@pytest.mark.parametrize("role", ["coordinator", "steering member"])
@pytest.mark.parametrize("kind", ["image", "document"])
def test_a_forged_upload_into_another_regions_collection_lands_nowhere_there(client, users, role, kind):
    other = region_collection("AM01")
    model, add, name = {
        "image": (get_image_model(), "wagtailimages:add", "g.png"),
        "document": (get_document_model(), "wagtaildocs:add", "g.txt"),
    }[kind]
    client.force_login(users[role])
    client.post(
        reverse(add),
        {"title": "Gekaapt", "collection": other.pk, "file": ContentFile(png_bytes(), name=name)},
    )
    assert not model.objects.filter(collection=other).exists()


@pytest.mark.parametrize("role", ["coordinator", "steering member"])
def test_a_forged_user_or_group_change_is_refused(client, users, role):
    victim = make_user("slachtoffer")
    client.force_login(users[role])
    client.post(reverse("wagtailusers_users:delete", args=[victim.pk]))
    client.post(reverse("wagtailusers_groups:add"), {"name": "Eigen groep"})
    assert get_user_model().objects.filter(pk=victim.pk).exists()
    assert not Group.objects.filter(name="Eigen groep").exists()


def test_the_national_editors_may_not_add_or_delete_themes(client, national_editor, objects):
    client.force_login(national_editor)
    before = Theme.objects.count()
    assert client.get(reverse("themes:add")).status_code in (302, 403, 404)
    client.post(reverse("themes:delete", args=[objects["theme"].pk]))
    assert Theme.objects.count() == before


@pytest.mark.parametrize("role", ["coordinator", "steering member"])
def test_a_forged_invitation_or_account_change_is_refused(client, users, objects, role):
    account = objects["account"]
    rijnmond = Region.objects.get(code="AM22")
    client.force_login(users[role])
    client.post(
        reverse("regional_accounts:add"),
        {
            "first_name": "Eigen",
            "last_name": "Account",
            "email": "eigen@example.org",
            "region": rijnmond.pk,
            "role": "coordinator",
        },
    )
    client.post(
        reverse("regional_accounts:edit", args=[account.pk]),
        {
            "first_name": "X",
            "last_name": "Y",
            "email": account.email,
            "region": rijnmond.pk,
            "role": "coordinator",
        },
    )
    assert not get_user_model().objects.filter(email="eigen@example.org").exists()
    account.refresh_from_db()
    assert account.is_active
    assert set(account.groups.values_list("name", flat=True)) == {"Stuurgroep Groningen"}


def test_a_school_contact_sees_no_draft_and_not_the_network_area(users):
    from django.test import Client

    from knowledge.models import NetworkPage
    from tests.knowledge.factories import NewsPageFactory

    from .conftest import bare_region_page

    browser = Client()
    browser.force_login(users["school contact"])
    draft = NewsPageFactory(parent=bare_region_page("AM22"), publish=False, title="Concept")
    assert browser.get(draft.url).status_code == 404
    network = NetworkPage.objects.live().first()
    response = browser.get(network.url)
    assert response.status_code in (302, 403)
