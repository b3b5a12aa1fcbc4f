"""Documents in a collection restricted to signed-in users: served only through Wagtail's document
view, which checks the restriction, and never as a raw file under /media/; images still are."""

import io
import os

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import InMemoryStorage
from django.utils._os import safe_join
from PIL import Image as PillowImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from knowledge.models import ArticleAttachment, ArticlePage

pytestmark = pytest.mark.django_db

SECRET = b"Vertrouwelijk: caseload per school"


@pytest.fixture(autouse=True)
def media_on_disk(settings, tmp_path):
    """Uploads on disk and served by Django under /media/, as in the default configuration."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    settings.MEDIA_ROOT = str(tmp_path)
    settings.SERVE_MEDIA = True
    return tmp_path


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Besloten")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def make_document(name, collection=None):
    document = get_document_model()(title=name, file=ContentFile(SECRET, name=name), file_size=len(SECRET))
    if collection is not None:
        document.collection = collection
    document.save()
    return document


@pytest.fixture
def private_document(private_collection):
    return make_document("verslag-stuurgroep.txt", private_collection)


@pytest.fixture
def member(client):
    user = get_user_model().objects.create_user("lid", "lid@example.org", "pw")
    client.force_login(user)
    return user


def raw_url(document):
    return f"/media/{document.file.name}"


def content(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_private_document_is_never_served_as_a_raw_file(client, private_document):
    assert private_document.file.name.startswith("documents/")
    assert client.get(raw_url(private_document)).status_code == 404


def test_private_document_is_not_served_raw_to_signed_in_users_either(client, member, private_document):
    assert client.get(raw_url(private_document)).status_code == 404


def test_raw_route_refuses_documents_whatever_the_path_looks_like(client, private_document):
    name = private_document.file.name.split("/", 1)[1]
    for path in (f"images/../documents/{name}", f"./documents/{name}", f"/documents/{name}"):
        response = client.get(f"/media/{path}")
        assert response.status_code == 404
        assert SECRET not in content(response)


def test_private_document_sends_anonymous_visitors_to_sign_in(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert "login" in response["Location"]
    assert private_document.url.startswith(f"/documents/{private_document.pk}/")


def test_private_document_is_served_to_a_signed_in_user(client, member, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert content(response) == SECRET


def test_public_document_is_still_downloadable(client):
    document = make_document("handreiking.txt")
    response = client.get(document.url)
    assert response.status_code == 200
    assert content(response) == SECRET


def test_image_files_and_renditions_are_still_served(client):
    buffer = io.BytesIO()
    PillowImage.new("RGB", (40, 30), (11, 79, 108)).save(buffer, format="PNG")
    image = get_image_model().objects.create(title="Stage", file=ImageFile(buffer, name="stage.png"))
    rendition = image.get_rendition("width-20")

    for name in (image.file.name, rendition.file.name):
        response = client.get(f"/media/{name}")
        assert response.status_code == 200, name
        assert content(response).startswith(b"\x89PNG")


class ObjectStore(InMemoryStorage):
    """A storage with URLs but without local paths, like an object store's."""

    def path(self, name):
        raise NotImplementedError

    def _relative_path(self, name):
        return os.path.relpath(safe_join(self.location, name), self.location)


def test_documents_stream_through_the_view_from_storage_without_local_paths(client, member, settings):
    """By default Wagtail would redirect to the storage's own URL, past the view's check."""
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": f"{__name__}.ObjectStore"}}
    document = make_document("notulen.txt")
    response = client.get(document.url)
    assert response.status_code == 200
    assert content(response) == SECRET


def test_nothing_is_served_under_media_when_serve_media_is_off(client, settings):
    settings.SERVE_MEDIA = False
    buffer = io.BytesIO()
    PillowImage.new("RGB", (4, 3)).save(buffer, format="PNG")
    image = get_image_model().objects.create(title="Uit", file=ImageFile(buffer, name="uit.png"))
    assert client.get(f"/media/{image.file.name}").status_code == 404


def test_api_and_attachments_link_a_private_document_through_the_checking_view(client, private_document):
    article = ArticlePage.objects.live().first()
    ArticleAttachment.objects.create(page=article, document=private_document, sort_order=99)
    article.save_revision().publish()
    serve_url = f"/documents/{private_document.pk}/{private_document.filename}"

    # Wagtail's documents endpoint leaves out documents in restricted collections altogether.
    assert client.get(f"/api/v2/documents/{private_document.pk}/").status_code == 404
    listing = client.get("/api/v2/documents/").json()["items"]
    assert private_document.pk not in [item["id"] for item in listing]
    assert not any("/media/" in item["meta"]["download_url"] for item in listing)
    page = client.get(f"/api/v2/pages/{article.pk}/").json()
    urls = [attachment["document"]["url"] for attachment in page["attachments"]]
    assert any(url.endswith(serve_url) for url in urls)
    assert not any("/media/" in url for url in urls)
    html = client.get(article.url).content.decode()
    assert f'href="{serve_url}"' in html
    assert "/media/documents/" not in html
