"""Which Wagtail object a Plone type becomes, and the page fields an item fills.

| Plone | Wagtail |
|---|---|
| Plone Site | the section of the import: a content page under `--parent` |
| LRF (language root folder) | the section in that language (a translation of the section) |
| Folder, Document, LIF, add-on types with text or items | ContentPage |
| News Item | NewsPage |
| Event | EventPage |
| Image | Wagtail image; File: Wagtail document |
| Link | a redirect from its address to its target |
| Collection, Topic | reported and skipped |
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from knowledge.models import ContentPage, EventKind, EventPage, NewsPage

from .items import PLONE_SITE
from .text import plain_text

SECTION, LANGUAGE_ROOT, PAGE, IMAGE, DOCUMENT, LINK, SKIP = (
    "section", "language root", "page", "image", "document", "link", "skip"
)  # fmt: skip

PAGE_MODELS = {
    "Document": ContentPage,
    "Folder": ContentPage,
    "LIF": ContentPage,
    "News Item": NewsPage,
    "Event": EventPage,
}
COLLECTIONS = {"Collection", "Topic"}
TITLE_MAX_LENGTH = 255
INTRO_FALLBACK_WORDS = 40


@dataclass(frozen=True)
class Mapping:
    kind: str
    model: type | None = None
    add_on: bool = False  # a type of a Plone add-on, imported as a general page
    reason: str = ""  # why the item is skipped


def mapping_for(item):
    if item.type == PLONE_SITE:
        return Mapping(SECTION, ContentPage)
    if item.type == "LRF":
        return Mapping(LANGUAGE_ROOT, ContentPage)
    if item.type in PAGE_MODELS:
        return Mapping(PAGE, PAGE_MODELS[item.type])
    if item.type == "Image":
        return Mapping(IMAGE)
    if item.type == "File":
        return Mapping(DOCUMENT)
    if item.type == "Link":
        return Mapping(LINK)
    if item.type in COLLECTIONS:
        return Mapping(SKIP, reason=_("een collectie (zoekopdracht) heeft hier geen tegenhanger"))
    if item.is_folderish or item.data.get("text") or item.data.get("blocks"):
        return Mapping(PAGE, ContentPage, add_on=True)
    return Mapping(SKIP, reason=_("onbekend type '%(type)s' zonder tekst of inhoud") % {"type": item.type})


def page_fields(model, item, body, description):
    """The fields of a `model` page for `item`, with `body` (a raw stream) as its body."""
    title = item.title[:TITLE_MAX_LENGTH]
    intro = description
    if not intro and model is not ContentPage:  # news and events require an intro
        intro = Truncator(body_text(body)).words(INTRO_FALLBACK_WORDS) or title
    fields = {
        "title": title,
        "intro": intro,
        "search_description": description,
        "show_in_menus": not item.data.get("exclude_from_nav"),
    }
    published_on = item.date("effective") or item.date("created") or timezone.now()
    if model is NewsPage:
        fields["date"] = timezone.localdate(published_on)
    if model is EventPage:
        fields.update(event_fields(item, published_on))
    return fields


def event_fields(item, fallback):
    start = item.date("start") or fallback
    end = item.date("end") or start
    if item.data.get("open_end") or end < start:
        end = start
    whole_day = bool(item.data.get("whole_day"))
    if whole_day:  # Plone keeps whole days as 0:00–23:59 on the site's clock
        start = timezone.localtime(start).replace(hour=0, minute=0, second=0, microsecond=0)
        end = timezone.localtime(end).replace(hour=23, minute=59, second=0, microsecond=0)
    return {
        "kind": EventKind.OTHER,
        "start": start,
        "end": end,
        "whole_day": whole_day,
        "location": item.text_field("location").strip()[:255],
        "contact_name": item.text_field("contact_name").strip()[:255],
        "contact_email": valid_email(item.text_field("contact_email").strip()),
        "contact_phone": item.text_field("contact_phone").strip()[:50],
    }


def valid_email(address):
    try:
        validate_email(address)
    except ValidationError:
        return ""
    return address


def body_text(body):
    for block in body:
        if block["type"] == "paragraph":
            return plain_text(block["value"])
    return ""
