"""The import of a Plone export into the page tree, in one transaction and two passes over its items.

1. **Places.** Each item gets its object: a page (made without content, at its place among its
   siblings), an image or a document (with its bytes), or for a Link just its address. An item
   whose folder comes later in the export waits until it has come.
2. **Content.** Each page gets its content, with every link and image into the old site rewritten
   to what it became (all of them have a place by now), as a revision, published with Plone's
   dates when it was published in Plone; every old address gets its redirect.

Each item is keyed by the export's name and its UID (`knowledge.PloneItem`): a second import
changes only what changed in Plone, with a new revision. A dry run does all of it and rolls back.
"""

import gc
import hashlib
import json
from bisect import insort
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, PageLogEntry, Revision

from core import bulk
from knowledge.models import ContentPage, PloneItem

from .assets import Assets, AssetSkipped
from .exports import SITE_ROOT
from .indexing import DeferredIndexing
from .items import BadItem, Item, SitePaths
from .languages import TranslationKeys, content_locale, translated_page
from .links import LinkResolver, Place, Unresolved
from .mapping import DOCUMENT, IMAGE, LANGUAGE_ROOT, LINK, PAGE, SECTION, mapping_for, page_fields
from .redirects import Redirects
from .report import ImportReport
from .text import BodyBuilder, TextNotes

PUBLISHED = "published"
RECORDS_PER_WRITE = 500
COLLECT_EVERY = 500
STEPLEN = Page.steplen


class ImportRefusedError(Exception):
    """The pages cannot go where they were asked to: nothing is imported."""


@dataclass(slots=True)
class Record:
    """What an earlier import made of an item (a row of knowledge.PloneItem)."""

    pk: int | None = None
    page_id: int | None = None
    image_id: int | None = None
    document_id: int | None = None
    redirect_id: int | None = None
    fingerprint: str = ""
    portal_type: str = ""
    path: str = ""
    dirty: bool = False


def fingerprint(*values):
    return hashlib.sha256(json.dumps(values, sort_keys=True, default=str).encode()).hexdigest()


class PloneImporter:
    def __init__(self, export, parent, export_key=None, progress=None):
        self.export = export
        self.parent = parent.specific
        self.export_key = (export_key or export.name)[:100]
        self.progress = progress or (lambda stage, done, total: None)
        self.report = ImportReport(
            export=self.export_key, format=export.format, not_carried=export.not_carried
        )
        self.paths = SitePaths()
        self.places = {}
        self.uid_by_path = {"/": SITE_ROOT}
        self.image_urls = {}
        self.document_urls = {}
        self.resolver = LinkResolver(self.paths, self.places, self.uid_by_path, self.image_urls.get)
        self.builder = BodyBuilder(self.resolver)
        self.section = None
        self.users = {}
        self.positions = {}  # page id → [(position, child page id)] of the children made in this run
        self.parents = {}  # page id → the page, as pages are added under it
        self.child_slugs = {}  # page id → the slugs of its children
        self.created_pages = set()
        self.tree_changed = False
        self.default_page_folder = {}  # default page UID or path → its folder's UID
        self.merged = {}  # folder UID → the UID of the default page that became its content
        self.merged_into = {}  # the other way round
        self.waiting = {}  # folder UID → {"folder": Item, "page": Item} until both have come
        self.link_redirects = []  # (Link item, the old path of its redirect)
        self.base_language_roots = set()  # language roots in the section's own language
        self.translation_keys = TranslationKeys(self.export_key, export.translations)
        self.indexing = DeferredIndexing()
        self.assets = Assets(export, self.export_key, self.indexing)

    # The whole import

    def run(self, dry_run=False):
        self.report.dry_run = dry_run
        # The objects that exist already are none of the import's garbage: the collections the
        # import asks for (every few hundred items) look at its own objects only, and stay quick.
        gc.freeze()
        try:
            with transaction.atomic():
                # Publishing's side effects (cache purges, the search vocabulary) once, at the end.
                with self.indexing.deferred(), bulk.batch():
                    self.prepare()
                    self.place_all()
                    self.fill_all()
                    self.import_redirects()
                    self.save_redirects()
                if dry_run:
                    transaction.set_rollback(True)
                else:
                    self.indexing.update()
        except BaseException:
            self.assets.discard_stored_files()
            raise
        finally:
            gc.unfreeze()
        if dry_run:
            self.assets.discard_stored_files()
        return self.report

    def prepare(self):
        if ContentPage not in self.parent.specific_class.allowed_subpage_models():
            raise ImportRefusedError(
                _(
                    "Onder '%(title)s' (%(type)s) kunnen geen pagina's van het type pagina staan; "
                    "kies met --parent een andere pagina."
                )
                % {"title": self.parent.title, "type": self.parent.specific_class._meta.verbose_name}
            )
        self.site = self.parent.get_site()
        self.redirects = Redirects(self.site, self.report)
        rows = PloneItem.objects.filter(export=self.export_key).values_list(
            "uid",
            "pk",
            "page_id",
            "image_id",
            "document_id",
            "redirect_id",
            "fingerprint",
            "portal_type",
            "path",
        )
        self.records = {uid: Record(*values) for uid, *values in rows}
        page_ids = [record.page_id for record in self.records.values() if record.page_id] + [self.parent.pk]
        self.page_paths = {
            pk: (path, key)
            for pk, path, key in Page.objects.filter(pk__in=page_ids).values_list(
                "pk", "path", "translation_key"
            )
        }
        for folder_uid, default_page in self.export.default_pages.items():
            if default_page.get("uid"):
                self.default_page_folder[default_page["uid"]] = folder_uid

    def items(self, stage):
        done = 0
        for raw in self.export.items():
            yield raw
            done += 1
            self.progress(stage, done, self.export.count)
            if done % COLLECT_EVERY == 0:
                # Pages, revisions and their blocks hold reference cycles: collected now, they
                # leave room for the next ones instead of piling up with the size of the export.
                gc.collect()

    # Pass 1: places

    def place_all(self):
        deferred = []
        for raw in self.items(_("plaatsen")):
            if not self.place(raw):
                deferred.append(raw)
        while deferred:
            waiting = [raw for raw in deferred if not self.place(raw)]
            if len(waiting) == len(deferred):
                for raw in waiting:  # their folder is not in the export: keep them, in the section
                    self.place(raw, orphan=True)
                break
            deferred = waiting
        self.save_records()

    def place(self, raw, orphan=False):
        """Give the item its place; False when its folder has no place yet."""
        try:
            item = Item.read(raw, self.paths)
        except BadItem as error:
            self.report.skip(raw.data.get("@type") or "?", raw.file, str(error))
            return True
        mapping = mapping_for(item)
        if mapping.kind == SECTION:
            self.place_section(item)
            return True
        parent = self.section_place() if orphan else self.parent_place(item)
        if parent is None:
            self.uid_by_path.setdefault(item.path, item.uid)
            return False
        if orphan:
            self.report.skipped.append(
                [
                    item.file,
                    _("de map %(path)s is niet geïmporteerd; onder de sectie gezet")
                    % {"path": item.parent_path},
                    0,
                ]
            )
        if item.uid in self.places:
            self.report.skip(item.type, item.file, _("UID %(uid)s komt al eerder voor") % {"uid": item.uid})
            return True
        self.uid_by_path[item.path] = item.uid
        if parent.kind == "skipped":
            self.places[item.uid] = parent
            self.report.count(item.type, "skipped")
            self.report.skipped[parent.skipped_entry][2] += 1
            return True
        if parent.kind != "page":
            self.skip(item, _("ligt in iets dat geen map is"))
            return True
        published = item.state == PUBLISHED or (item.state is None and parent.published)
        if mapping.kind == LANGUAGE_ROOT:
            self.place_language_root(item)
        elif mapping.kind == PAGE:
            if mapping.add_on:
                self.report.add_on_types[item.type] += 1
            self.place_page(item, mapping.model, parent, published)
        elif mapping.kind == IMAGE:
            image_id = self.import_image(item, published)
            if image_id:
                self.places[item.uid] = Place(IMAGE, image_id=image_id, published=published, path=item.path)
        elif mapping.kind == DOCUMENT:
            document_id = self.import_document(item, published)
            if document_id:
                self.places[item.uid] = Place(
                    DOCUMENT, document_id=document_id, published=published, path=item.path
                )
        elif mapping.kind == LINK:
            url = item.data.get("remoteUrl")
            self.places[item.uid] = Place(
                LINK, url=url if isinstance(url, str) else "", published=published, path=item.path
            )
        else:
            self.skip(item, mapping.reason)
        return True

    def parent_place(self, item):
        if item.parent_uid == SITE_ROOT:
            return self.section_place()
        uid = item.parent_uid or self.uid_by_path.get(item.parent_path)
        return self.places.get(uid) if uid else None

    def skip(self, item, reason):
        entry = self.report.skip(item.type, item.file, reason)
        self.places[item.uid] = Place("skipped", path=item.path, skipped_entry=entry)

    def record(self, uid):
        if uid not in self.records:
            self.records[uid] = Record(dirty=True)
        return self.records[uid]

    def save_records(self):
        """Write the records that changed, a few hundred at a time."""
        rows, now = [], timezone.now()
        for uid, record in self.records.items():
            if not record.dirty:
                continue
            rows.append(
                PloneItem(
                    pk=record.pk,
                    export=self.export_key,
                    uid=uid,
                    portal_type=record.portal_type,
                    path=record.path,
                    page_id=record.page_id,
                    image_id=record.image_id,
                    document_id=record.document_id,
                    redirect_id=record.redirect_id,
                    fingerprint=record.fingerprint,
                    imported_at=now,
                )
            )
            record.dirty = False
            if len(rows) == RECORDS_PER_WRITE:
                self.write_records(rows)
                rows = []
        self.write_records(rows)

    def write_records(self, rows):
        changed = [row for row in rows if row.pk is not None]
        for row in PloneItem.objects.bulk_create([row for row in rows if row.pk is None]):
            self.records[row.uid].pk = row.pk
        PloneItem.objects.bulk_update(
            changed,
            [
                "portal_type",
                "path",
                "page_id",
                "image_id",
                "document_id",
                "redirect_id",
                "fingerprint",
                "imported_at",
            ],
        )

    def remember(self, item, **values):
        """Record what the item became (saved with the other records after each pass)."""
        record = self.record(item.uid)
        for name, value in {"portal_type": item.type, "path": item.path[:1024], **values}.items():
            if getattr(record, name) != value:
                setattr(record, name, value)
                record.dirty = True
        return record

    # Sections and languages

    def section_place(self, item=None):
        """The page the Plone site root became: made under --parent when the export starts."""
        if self.section is None:
            record = self.records.get(SITE_ROOT)
            page_id = record.page_id if record and record.page_id in self.page_paths else None
            if page_id:
                self.move_if_needed(page_id, self.parent.pk)
            else:
                slug = slugify((item.id if item else self.export_key) or "plone")
                page = ContentPage(
                    title=(item.title if item else self.export_key)[:255], locale=self.parent.locale
                )
                page_id = self.add_page(page, self.parent.pk, slug, position=None)
                self.created_pages.add(page_id)
                if item is None:  # an export without its site root: the section gets a title only
                    page.save_revision().publish()
            self.section = Place(
                "page", page_id=page_id, published=True, locale_id=self.parent.locale_id, path="/"
            )
            self.places[SITE_ROOT] = self.section
            self.remember(item or _SiteRoot(), page_id=page_id)
        return self.section

    def place_section(self, item):
        section = self.section_place(item)
        section.published = item.state in (None, PUBLISHED)
        real_uid = item.data.get("UID")
        if isinstance(real_uid, str) and real_uid and real_uid != SITE_ROOT:
            self.places[real_uid] = section  # links may name the site root by its own UID
        default_page = self.export.default_pages.get(SITE_ROOT) or {}
        if default_page.get("id"):
            self.default_page_folder["/" + default_page["id"]] = SITE_ROOT

    def place_language_root(self, item):
        code = item.language or item.id
        locale = content_locale(code)
        if locale is None:
            self.skip(
                item,
                _("taal '%(language)s' is geen taal van deze site (WAGTAIL_CONTENT_LANGUAGES)")
                % {"language": code},
            )
            return
        section = self.section_place()
        if locale.pk == section.locale_id:
            self.places[item.uid] = section
            self.base_language_roots.add(item.uid)
            self.remember(item, page_id=section.page_id)
            return
        section_key = self.page_key(section.page_id)
        record = self.records.get(item.uid)
        page_id = record.page_id if record and record.page_id in self.page_paths else None
        if page_id is None:
            existing = Page.objects.filter(translation_key=section_key, locale=locale).values_list(
                "pk", flat=True
            )
            page_id = existing.first()
        parent, made = translated_page(self.parent, locale)
        if made:
            self.report.translated_parents.append(parent.title)
        if page_id:
            self.move_if_needed(page_id, parent.pk)
        else:
            page = ContentPage(title=item.title[:255], locale=locale, translation_key=section_key)
            section_slug = Page.objects.filter(pk=section.page_id).values_list("slug", flat=True).first()
            page_id = self.add_page(page, parent.pk, section_slug, position=None)
            self.created_pages.add(page_id)
        published = item.state == PUBLISHED or (item.state is None and section.published)
        self.places[item.uid] = Place(
            "page", page_id=page_id, published=published, locale_id=locale.pk, path=item.path
        )
        self.remember(item, page_id=page_id)

    def page_key(self, page_id):
        if page_id in self.page_paths:
            return self.page_paths[page_id][1]
        return Page.objects.filter(pk=page_id).values_list("translation_key", flat=True).get()

    # Pages

    def place_page(self, item, model, parent, published):
        folder_uid = self.default_page_folder.get(item.uid) or self.default_page_folder.get(item.path)
        folder = self.places.get(folder_uid) if folder_uid else None
        if folder is not None and folder is parent and model is ContentPage and folder_uid not in self.merged:
            # The folder's default page: its text becomes the folder page's text.
            self.merged[folder_uid] = item.uid
            self.merged_into[item.uid] = folder_uid
            self.report.default_pages += 1
            self.places[item.uid] = parent
            self.remember(item, page_id=parent.page_id)
            return
        record = self.records.get(item.uid)
        page_id = record.page_id if record and record.page_id in self.page_paths else None
        key = self.translation_keys.key_for(item.uid, parent.locale_id)
        if self.translation_keys.is_grouped(item.uid) and key is None:
            self.report.translation_conflicts.append(item.uid)
        if page_id:
            self.move_if_needed(page_id, parent.page_id)
            if key and self.page_paths[page_id][1] != key:
                self.set_translation_key(page_id, key, parent.locale_id, item)
        else:
            fields = page_fields(model, item, [], item.description)
            page = model(**fields, locale_id=parent.locale_id, owner=self.user_for(item))
            if key:
                page.translation_key = key
            slug = slugify(item.id) or slugify(item.title) or "pagina"
            page_id = self.add_page(page, parent.page_id, slug, self.export.ordering.get(item.uid))
            self.created_pages.add(page_id)
        if key:
            self.report.translations += 1
        image_id = (
            self.import_image(item, published, lead=True)
            if isinstance(item.data.get("image"), dict)
            else None
        )
        self.places[item.uid] = Place(
            "page",
            page_id=page_id,
            image_id=image_id,
            published=published,
            locale_id=parent.locale_id,
            path=item.path,
        )
        self.remember(item, page_id=page_id)
        default_page = self.export.default_pages.get(item.uid) or {}
        if default_page.get("id"):
            self.default_page_folder[f"{item.path}/{default_page['id']}"] = item.uid

    def add_page(self, page, parent_id, slug, position):
        """Add `page` under the page `parent_id`, before the siblings made in this run that come
        after it in Plone; its id."""
        if parent_id not in self.parents:
            self.parents[parent_id] = Page.objects.get(pk=parent_id)
        parent = self.parents[parent_id]
        page.slug = self.available_slug(parent, (slug or "pagina")[:200])
        page.live = False
        siblings = self.positions.setdefault(parent_id, [])
        order = position if isinstance(position, int) else float("inf")
        after = next((pk for sibling_order, pk in siblings if sibling_order > order), None)
        if after is None:
            parent.add_child(instance=page)  # keeps the parent's count of children up to date
        else:
            Page.objects.get(pk=after).add_sibling(pos="left", instance=page)
            self.parents.clear()  # the siblings after it, and all below them, have new paths
        insort(siblings, (order, page.pk))
        self.tree_changed = True
        self.page_paths[page.pk] = (page.path, page.translation_key)
        return page.pk

    def available_slug(self, parent, slug):
        """`slug`, or `slug-1`, `slug-2`… when a sibling has it (as Wagtail's find_available_slug,
        which asks the database for every page: this asks once per parent)."""
        if parent.pk not in self.child_slugs:
            self.child_slugs[parent.pk] = set(parent.get_children().values_list("slug", flat=True))
        taken = self.child_slugs[parent.pk]
        candidate, number = slug, 1
        while candidate in taken:
            candidate, number = f"{slug}-{number}", number + 1
        taken.add(candidate)
        return candidate

    def move_if_needed(self, page_id, parent_id):
        if not self.tree_changed and parent_id in self.page_paths:
            if self.page_paths[page_id][0][:-STEPLEN] == self.page_paths[parent_id][0]:
                return
        page = Page.objects.get(pk=page_id)
        parent = Page.objects.get(pk=parent_id)
        if page.path[:-STEPLEN] != parent.path:
            page.move(parent, pos="last-child")
            self.tree_changed = True
            self.parents.clear()
            self.child_slugs.pop(parent.pk, None)

    def set_translation_key(self, page_id, key, locale_id, item):
        if Page.objects.filter(translation_key=key, locale_id=locale_id).exclude(pk=page_id).exists():
            self.report.translation_conflicts.append(item.uid)
            return
        Page.objects.filter(pk=page_id).update(translation_key=key)

    def user_for(self, item):
        """The user named as the item's first creator, when this site has one by that name."""
        for username in item.creators:
            if username not in self.users:
                self.users[username] = get_user_model().objects.filter(username=username).first()
            if self.users[username] is not None:
                return self.users[username]
            self.report.unknown_users.add(username)
        return None

    # Images and documents

    def import_image(self, item, published, lead=False):
        record = self.records.get(item.uid)
        try:
            image, outcome = self.assets.image(item, published, record and record.image_id, lead)
        except AssetSkipped as skipped:
            if lead:  # the page stays; only its lead image is left out
                self.report.skipped.append([item.file, str(skipped), 0])
            else:
                self.skip(item, str(skipped))
            return None
        self.image_urls[image.pk] = image.file.url
        self.remember(item, image_id=image.pk)
        if not lead:
            self.report.count(item.type, outcome)
        return image.pk

    def import_document(self, item, published):
        record = self.records.get(item.uid)
        try:
            document, outcome = self.assets.document(item, published, record and record.document_id)
        except AssetSkipped as skipped:
            self.skip(item, str(skipped))
            return None
        self.document_urls[document.pk] = document.url
        self.remember(item, document_id=document.pk)
        self.report.count(item.type, outcome)
        return document.pk

    # Pass 2: content

    def fill_all(self):
        for raw in self.items(_("inhoud")):
            try:
                item = Item.read(raw, self.paths)
            except BadItem:
                continue  # reported in the first pass
            place = self.places.get(item.uid)
            if place is not None and place.kind != "skipped":
                self.fill(item, place)
        for folder_uid, waiting in self.waiting.items():
            if waiting.get("folder"):  # its default page was skipped: the folder as it is
                self.write_page(waiting["folder"], self.places[folder_uid])

    def fill(self, item, place):
        if place.kind == "page":
            if item.uid in self.merged_into:
                self.wait(self.merged_into[item.uid], page=item)
            elif item.uid in self.merged:
                self.wait(item.uid, folder=item)
            elif item.uid not in self.base_language_roots:  # the section speaks for those
                self.write_page(item, place)
            if item.path != "/":
                self.redirects.ensure(item.path, page_id=place.page_id)
        elif place.kind == IMAGE:
            if place.published:
                self.redirects.ensure(item.path, link=self.image_urls[place.image_id])
        elif place.kind == DOCUMENT:
            self.redirects.ensure(item.path, link=self.document_urls[place.document_id])
        elif place.kind == LINK:
            self.link_redirect(item, place)

    def wait(self, folder_uid, **item):
        waiting = self.waiting.setdefault(folder_uid, {})
        waiting.update(item)
        if "folder" in waiting and "page" in waiting:
            self.write_page(waiting["folder"], self.places[folder_uid], content=waiting["page"])
            del self.waiting[folder_uid]

    def link_redirect(self, item, place):
        if not place.published:
            self.report.skip(
                item.type, item.file, _("een link die niet gepubliceerd is krijgt geen doorverwijzing")
            )
            return
        try:
            target = self.resolver.link(place.url, item.parent_path) if place.url else None
        except Unresolved:
            self.report.unresolved.append((item.path, place.url))
            self.report.count(item.type, "skipped")
            return
        if target is None and not place.url:
            self.report.skip(item.type, item.file, _("de link heeft geen adres"))
            return
        page_id = target.page_id if target else None
        if target and target.document_id:
            link = self.document_urls[target.document_id]
        else:
            link = "" if page_id else (target.url if target else place.url)
        old_path, outcome = self.redirects.ensure(item.path, page_id=page_id, link=link)
        self.link_redirects.append((item, old_path))
        self.report.count(item.type, outcome or "skipped")

    def save_redirects(self):
        self.redirects.save()
        for item, old_path in self.link_redirects:
            self.remember(item, redirect_id=self.redirects.pk(old_path))
        self.save_records()

    def write_page(self, item, place, content=None):
        """Give the page of `item` its content (that of its default page `content`, if any)."""
        mapping = mapping_for(item)
        model = mapping.model
        notes = TextNotes()
        body = []
        if place.image_id:
            caption = item.text_field("image_caption").strip()
            body.append(
                {"type": "image", "value": {"image": place.image_id, "alt_text": "", "caption": caption}}
            )
        body += self.builder.body(content or item, notes)
        description = item.description or (content.description if content else "")
        fields = page_fields(model, item, body, description)
        if mapping.kind in (SECTION, LANGUAGE_ROOT):  # editors decide whether it joins the menu
            fields["show_in_menus"] = False
        tags = sorted(set(item.subjects) | set(content.subjects if content else []))
        published = place.published and (content is None or content.state in (None, PUBLISHED))
        effective, expires = item.date("effective"), item.date("expires")
        created, modified = item.date("created"), item.date("modified")
        now = timezone.now()
        go_live_at = effective if published and effective and effective > now else None
        expired = published and expires is not None and expires <= now
        live = published and not expired and go_live_at is None
        user = self.user_for(item)
        self.note(item, notes)
        self.report.live += live
        self.report.drafts += not live
        self.report.scheduled += go_live_at is not None
        self.report.expired += expired
        record = self.record(item.uid)
        dates = (go_live_at, expires, effective, created, modified)
        new_fingerprint = fingerprint(
            model._meta.label, fields, body, tags, published, dates, user and user.pk
        )
        is_new = place.page_id in self.created_pages
        if not is_new and record.fingerprint == new_fingerprint:
            self.report.count(item.type, "unchanged")
            return
        page = model.objects.get(pk=place.page_id)
        for name, value in fields.items():
            setattr(page, name, value)
        page.body = body
        page.tags.set(tags)
        page.go_live_at, page.expire_at = go_live_at, expires
        if user is not None:
            page.owner = user
        # A new page's history: created, published (as the admin logs it); a changed one's: edited.
        revision = page.save_revision(user=user, log_action=not is_new, clean=False)
        if published and not expired:
            revision.publish(user=user, skip_permission_checks=True)
        elif page.live:
            page.unpublish(user=user)
        self.keep_plone_dates(page, revision, is_new, live, effective or created, created, modified, user)
        self.remember(item, fingerprint=new_fingerprint)
        self.indexing.touch(page)
        self.report.count(item.type, "created" if is_new else "updated")

    def keep_plone_dates(self, page, revision, is_new, live, first_published, created, modified, user):
        """Plone's dates on the page and its history: created (by whom), first published, last
        modified."""
        if modified:
            Revision.objects.filter(pk=revision.pk).update(created_at=modified)
        dates = {"latest_revision_created_at": modified} if modified else {}
        if live:
            dates.update(
                {
                    name: value
                    for name, value in (
                        ("first_published_at", first_published),
                        ("last_published_at", modified),
                    )
                    if value
                }
            )
        if dates:
            Page.objects.filter(pk=page.pk).update(**dates)
        if is_new:
            PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.create").update(
                timestamp=created or timezone.now(), user=user
            )

    def note(self, item, notes):
        self.report.links_rewritten += notes.rewritten
        self.report.unresolved += [(item.path, link) for link in notes.unresolved]
        for block_type in notes.unknown_blocks:
            self.report.unknown_blocks[block_type].append(item.path)
        if notes.cleaned:
            self.report.cleaned.append(item.path)

    # redirects.json

    def import_redirects(self):
        for old, new in self.export.redirects.items():
            if not isinstance(old, str) or not isinstance(new, str):
                continue
            old_path, new_path = self.paths.site_path(old), self.paths.site_path(new)
            uid = self.resolver.uid_for_path(new_path)
            place = self.places.get(uid) if uid else None
            if place is None or place.kind in ("skipped", LINK):
                self.report.unresolved_redirects.append((old_path, new_path))
            elif place.kind == "page":
                self.redirects.ensure(old_path, page_id=place.page_id)
            elif place.kind == DOCUMENT:
                self.redirects.ensure(old_path, link=self.document_urls[place.document_id])
            elif place.published:
                self.redirects.ensure(old_path, link=self.image_urls[place.image_id])


@dataclass
class _SiteRoot:
    """Stands in for the site root item of an export that has none."""

    uid: str = SITE_ROOT
    type: str = "Plone Site"
    path: str = "/"
