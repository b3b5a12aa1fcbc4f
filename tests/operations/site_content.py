"""Run inside the site's own process (`manage.py shell -c`): content beyond the demo for the
operations tests, and a snapshot of what visitors and editors get from the site, to compare a
restored copy with."""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from knowledge.models import ArticlePage, NewsIndexPage
from tests.api.content import make_document, make_image
from tests.knowledge.factories import NewsPageFactory


def add_content():
    """Images and a document in a news item published three times, a live article with unpublished
    changes, and a draft that was never published."""
    photo, workplace = make_image("Stagebezoek"), make_image("Werkplek", size=(640, 480))
    news = NewsPageFactory(
        parent=NewsIndexPage.objects.get(locale__language_code="nl"),
        title="Stage in de haven",
        body=[
            ("image", {"image": photo, "alt_text": "Een leerling op stage", "caption": "In de haven"}),
            ("image", {"image": workplace, "alt_text": "Een werkplek", "caption": ""}),
            ("document", {"document": make_document(), "title": "De handreiking"}),
        ],
    )
    for title in ("Stage in de Rotterdamse haven", "Stages in de Rotterdamse haven"):
        news.title = title
        news.save_revision().publish()
    article = ArticlePage.objects.live().order_by("path").first()
    article.title = f"{article.title} (herzien)"
    article.save_revision()
    NewsPageFactory(parent=news.get_parent(), title="Nog niet gepubliceerd", publish=False)


def write_snapshot(path):
    """Every live page as a visitor gets it, every document and image rendition as the site serves
    it, the bytes of every file in the media folder, and every revision of every page."""
    client = Client()
    pages = {}
    for page in Page.objects.live().exclude(depth=1).order_by("path"):
        url = page.get_url()
        response = client.get(url)
        pages[url] = [response.status_code, response.content.decode()]
    served = {}
    renditions = get_image_model().get_rendition_model().objects.order_by("pk")
    for item in [*get_document_model().objects.order_by("pk"), *renditions]:
        response = client.get(item.url)
        served[item.url] = [response.status_code, digest(b"".join(response))]
    media = Path(settings.MEDIA_ROOT)
    files = {
        str(file.relative_to(media)): digest(file.read_bytes()) for file in media.rglob("*") if file.is_file()
    }
    revisions = Revision.objects.order_by("pk").values_list(
        "base_content_type__model", "object_id", "content"
    )
    snapshot = {"pages": pages, "served": served, "files": files, "revisions": list(revisions)}
    Path(path).write_text(json.dumps(snapshot, default=str), encoding="utf-8")


def digest(content):
    return hashlib.sha256(content).hexdigest()
