"""One Plone item as the import sees it, whichever export it came from: its UID, type, path on the
site, parent, language, workflow state and dates."""

import datetime
import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from .exports import SITE_ROOT

PLONE_SITE = "Plone Site"
LANGUAGE_PLACEHOLDER = "##DEFAULT##"  # plone.exportimport: the site's default language


class BadItem(Exception):
    """An item that cannot be imported; it is reported and skipped."""


class SitePaths:
    """Paths of the old site, without its host and without the Plone site's own id (`/Plone`), as
    visitors saw them: `http://localhost:8080/Plone/nieuws/item` and `/Plone/nieuws/item` both
    become `/nieuws/item`. The site's id and host are learnt from the items as they are read."""

    def __init__(self):
        self.prefix = None
        self.hosts = set()

    def learn(self, data):
        if data.get("@type") == PLONE_SITE:
            self._learn_root(data.get("@id"))
        parent = data.get("parent")
        if isinstance(parent, dict) and parent.get("@type") == PLONE_SITE:
            self._learn_root(parent.get("@id"))

    def _learn_root(self, url):
        if not isinstance(url, str):
            return
        parts = urlsplit(url)
        if parts.netloc:
            self.hosts.add(parts.netloc.lower())
        path = unquote(parts.path).rstrip("/")
        if path:
            self.prefix = path

    def site_path(self, path):
        """The path on the site of a path or URL of the old site."""
        path = "/" + unquote(path).strip("/")
        if self.prefix and (path == self.prefix or path.startswith(self.prefix + "/")):
            path = path[len(self.prefix) :] or "/"
        return path

    def item_path(self, url):
        return self.site_path(urlsplit(url).path)

    def link_path(self, url):
        """The site path a link points to, or None when it leads elsewhere."""
        parts = urlsplit(url)
        if parts.scheme and parts.scheme not in ("http", "https"):
            return None
        if parts.netloc and parts.netloc.lower() not in self.hosts:
            return None
        if not parts.path.startswith("/"):
            return None
        return self.site_path(parts.path)


@dataclass
class Item:
    data: dict
    file: str
    uid: str
    type: str
    path: str
    parent_uid: str | None
    language: str | None
    state: str | None

    @classmethod
    def read(cls, raw, paths):
        data = raw.data
        paths.learn(data)
        portal_type = data.get("@type")
        if not isinstance(portal_type, str) or not portal_type.strip():
            raise BadItem(_("onbekend type: het item heeft geen @type"))
        at_id = data.get("@id")
        if not isinstance(at_id, str) or not at_id.strip():
            raise BadItem(_("het item heeft geen @id (pad)"))
        if portal_type == PLONE_SITE:
            uid, path, parent_uid = SITE_ROOT, "/", None
        else:
            uid = data.get("UID")
            if not isinstance(uid, str) or not uid.strip():
                raise BadItem(_("het item heeft geen UID"))
            path = paths.item_path(at_id)
            if path == "/":
                raise BadItem(_("het pad %(path)s is dat van de site zelf") % {"path": at_id})
            parent = data.get("parent") if isinstance(data.get("parent"), dict) else {}
            if parent.get("@type") == PLONE_SITE or posixpath.dirname(path) == "/":
                parent_uid = SITE_ROOT
            else:
                parent_uid = parent.get("UID") or None
        state = data.get("review_state")
        return cls(
            data=data,
            file=raw.file,
            uid=uid,
            type=portal_type,
            path=path,
            parent_uid=parent_uid,
            language=language_code(data.get("language")),
            state=state if isinstance(state, str) and state else None,
        )

    @property
    def parent_path(self):
        return posixpath.dirname(self.path)

    @property
    def id(self):
        own_id = self.data.get("id")
        return own_id if isinstance(own_id, str) and own_id else posixpath.basename(self.path)

    @property
    def title(self):
        title = self.text_field("title").strip()
        return title or self.id

    @property
    def description(self):
        return self.text_field("description").strip()

    def text_field(self, name):
        value = self.data.get(name)
        if isinstance(value, dict):  # collective.exportimport of Archetypes: {"data": …}
            value = value.get("data")
        return value if isinstance(value, str) else ""

    def date(self, name):
        return parse_plone_date(self.data.get(name))

    @property
    def subjects(self):
        subjects = self.data.get("subjects") or self.data.get("subject") or []
        if isinstance(subjects, str):
            subjects = [subjects]
        return sorted(
            {subject.strip()[:100] for subject in subjects if isinstance(subject, str) and subject.strip()}
        )

    @property
    def creators(self):
        creators = self.data.get("creators") or []
        return [creator for creator in creators if isinstance(creator, str)]

    @property
    def is_folderish(self):
        return bool(self.data.get("is_folderish"))


def language_code(value):
    if isinstance(value, dict):  # plone.restapi's vocabulary form: {"token": "en", "title": …}
        value = value.get("token")
    if not isinstance(value, str) or value in ("", LANGUAGE_PLACEHOLDER):
        return None
    return value.strip().lower().replace("_", "-")


def parse_plone_date(value):
    """A Plone date as an aware datetime; dates without a zone are UTC, as Plone stores them."""
    if not isinstance(value, str) or not value.strip() or value.strip() == "None":
        return None
    value = value.strip()
    try:
        moment = parse_datetime(value)
        if moment is None and (day := parse_date(value)) is not None:
            moment = datetime.datetime.combine(day, datetime.time())
    except ValueError:
        return None
    if moment is None:
        return None
    if timezone.is_naive(moment):
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment
