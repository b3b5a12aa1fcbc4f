"""Where a link or image reference of Plone content leads in the new site.

Plone writes internal links as `resolveuid/<UID>` (rich text, collective.exportimport) or, in Volto
blocks exported by plone.exportimport, as paths on the site (`/nieuws/item`, with `@@images/…` or
`@@download/file` behind an image or file). Both are looked up among the export's items once all
of them have a place in the new site; a link into the old site that leads to nothing imported is
reported."""

import posixpath
import re
from dataclasses import dataclass

from .exports import SITE_ROOT

RESOLVE_UID = re.compile(r"resolve[Uu]id/([^/?#\s\"']+)")
PORTAL_URL = re.compile(r"^\$\{(portal_url|navigation_root_url)\}")
# What Plone puts behind an item's path to show or download it.
MAX_LINK_HOPS = 5
VIEW_NAMES = {
    "view",
    "image_view",
    "image_view_fullscreen",
    "download",
    "at_download",
    "file",
    "image",
    "images",
}


@dataclass(slots=True)
class Place:
    """Where an item of the export went."""

    kind: str  # "page", "image", "document", "link", or "skipped"
    page_id: int | None = None
    image_id: int | None = None
    document_id: int | None = None
    url: str | None = None  # a Link's target, as written in Plone
    published: bool = False
    locale_id: int | None = None
    path: str = ""
    skipped_entry: int | None = None  # the report's line for a skipped item and what lies in it


@dataclass(frozen=True)
class Target:
    page_id: int | None = None
    document_id: int | None = None
    image_id: int | None = None
    url: str | None = None


class Unresolved(Exception):
    """A link into the old site that leads to nothing imported."""


class LinkResolver:
    def __init__(self, paths, places, uid_by_path, image_url):
        self.paths = paths
        self.places = places
        self.uid_by_path = uid_by_path
        self.image_url = image_url  # image id → the address of its file

    def uid_of(self, href, base_path="/"):
        """The UID of the export's item `href` points to, None when it points outside the old
        site; Unresolved when it points into the old site at something that is not there."""
        href = href.strip()
        if found := RESOLVE_UID.search(href):
            uid = found[1]
            if uid in self.places or uid == SITE_ROOT:
                return uid
            raise Unresolved(href)
        href = PORTAL_URL.sub("", href)
        if not href or href.startswith(("#", "mailto:", "tel:", "data:")):
            return None
        path = self.paths.link_path(href)
        if path is None and "://" not in href and ":" not in href.split("/")[0]:
            # Relative to the item's own folder: "andere-pagina", "../nieuws".
            path = self.paths.site_path(
                posixpath.normpath(posixpath.join(base_path, href.split("?")[0].split("#")[0]))
            )
        if path is None:
            return None
        if path == "/":
            return SITE_ROOT
        uid = self.uid_for_path(path)
        if uid is None:
            raise Unresolved(href)
        return uid

    def uid_for_path(self, path):
        path = path.split("/@@")[0].rstrip("/") or "/"
        while path not in self.uid_by_path:
            if posixpath.basename(path) not in VIEW_NAMES:
                return None
            path = posixpath.dirname(path)
        return self.uid_by_path[path]

    def link(self, href, base_path="/", hops=0):
        """Where a link leads: a Target, or None to keep the link as it is (it leads elsewhere)."""
        uid = self.uid_of(href, base_path)
        if uid is None:
            return None
        place = self.places.get(uid)
        if place is None or place.kind == "skipped":
            raise Unresolved(href)
        if place.kind == "page":
            return Target(page_id=place.page_id)
        if place.kind == "document":
            return Target(document_id=place.document_id)
        if place.kind == "image":
            return Target(url=self.image_url(place.image_id))
        if hops > MAX_LINK_HOPS:  # Links to Links in a circle
            raise Unresolved(href)
        followed = self.link(place.url, posixpath.dirname(place.path), hops + 1) if place.url else None
        return followed or Target(url=place.url)

    def image(self, src, base_path="/"):
        """The id of the imported image `src` shows, or None when it is not an image of the export."""
        try:
            uid = self.uid_of(src, base_path)
        except Unresolved:
            return None
        place = self.places.get(uid) if uid else None
        return place.image_id if place is not None and place.kind == "image" else None
