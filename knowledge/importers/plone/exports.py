"""Reading a Plone export, in either format, as one stream of items.

- **plone.exportimport** (Plone 6): a folder with `content/__metadata__.json` (the data files in
  order, default pages, positions in the parent, local roles), `content/<UID>/data.json` per item
  with its blobs beside it (`blob_path` relative to `content/`), and `redirects.json`,
  `translations.json`, `relations.json`, `discussions.json`, `portlets.json`, `principals.json`.
- **collective.exportimport** (Plone 4–6): a JSON list of items (`Plone.json`), or a folder of one
  `N.json` per item; blobs inline as base64 or as a `blob_path` on the old server; beside it
  `export_defaultpages.json`, `export_ordering.json`, `export_redirects.json`,
  `export_translations.json` (and the members, relations, discussions, portlets and local roles
  exports, which are counted, not imported).

Items are read one at a time, twice if asked (the importer makes two passes), never all at once.
A file that is not JSON, or an export without its index, refuses the whole import.
"""

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

SITE_ROOT = "plone_site_root"  # how plone.exportimport names the site root's UID in its files
CHUNK = 1 << 16


class ExportRefused(Exception):
    """The export cannot be read: nothing is imported. `file` names what is wrong, `reason` why."""

    def __init__(self, file, reason):
        super().__init__(f"{file}: {reason}")
        self.file = str(file)
        self.reason = reason


class MissingBlob(Exception):
    """An image's or file's bytes are not in the export."""


@dataclass
class RawItem:
    data: dict
    file: str  # where the item was read, for messages


@dataclass
class NotCarried:
    """What the export holds that the import leaves out, counted for the report."""

    comments: int = 0
    portlets: int = 0
    users: int = 0
    groups: int = 0
    relations: int = 0
    local_roles: int = 0


@dataclass
class Export:
    path: Path
    format: str
    name: str
    ordering: dict = field(default_factory=dict)  # UID → position in its parent
    default_pages: dict = field(default_factory=dict)  # folder UID → {"uid"?, "id"}
    redirects: dict = field(default_factory=dict)  # old path → new path
    translations: list = field(default_factory=list)  # groups of UIDs that translate each other
    not_carried: NotCarried = field(default_factory=NotCarried)
    count: int | None = None  # number of items, when known before reading them

    def items(self):
        raise NotImplementedError

    def read_blob(self, value):
        """The bytes of a file or image field: inline base64 (`data`) or a file (`blob_path`)."""
        if not isinstance(value, dict):
            raise MissingBlob(_("geen bestand"))
        if value.get("data") and value.get("encoding", "base64") == "base64":
            try:
                return base64.b64decode(value["data"], validate=False)
            except (binascii.Error, ValueError) as error:
                raise MissingBlob(_("base64 is ongeldig (%(error)s)") % {"error": error}) from error
        blob_path = value.get("blob_path")
        if blob_path:
            for candidate in self.blob_candidates(blob_path):
                if candidate.is_file():
                    return candidate.read_bytes()
            raise MissingBlob(_("%(path)s ontbreekt") % {"path": blob_path})
        if value.get("download"):
            raise MissingBlob(
                _("alleen een downloadadres (%(url)s), geen bestand") % {"url": value["download"]}
            )
        raise MissingBlob(_("geen bestand"))

    def blob_candidates(self, blob_path):
        raise NotImplementedError


def open_export(path):
    """The export at `path`, in whichever of the two formats it is."""
    path = Path(path)
    if path.is_file():
        return CollectiveListExport.open(path)
    if not path.is_dir():
        raise ExportRefused(path, _("bestaat niet"))
    if (path / "content").is_dir() or (path / "content" / "__metadata__.json").exists():
        return PloneExportImport.open(path)
    if numbered_files(path):
        return CollectiveFolderExport.open(path)
    raise ExportRefused(
        path / "content" / "__metadata__.json",
        _("ontbreekt: dit is geen plone.exportimport-export en geen map met collective.exportimport-items"),
    )


def load_json(path):
    try:
        with open(path, encoding="utf-8") as file:
            return json.load(file)
    except FileNotFoundError as error:
        raise ExportRefused(path, _("ontbreekt")) from error
    except UnicodeDecodeError as error:
        raise ExportRefused(path, _("is geen UTF-8-tekst")) from error
    except json.JSONDecodeError as error:
        raise ExportRefused(
            path,
            _("geen geldige JSON (regel %(line)d: %(error)s)") % {"line": error.lineno, "error": error.msg},
        ) from error


def load_optional(path, expected_type):
    """A side file of the export: its data, or an empty value when it is absent."""
    if not path.exists():
        return expected_type()
    data = load_json(path)
    if not isinstance(data, expected_type):
        raise ExportRefused(
            path, _("heeft niet de verwachte vorm (%(type)s)") % {"type": expected_type.__name__}
        )
    return data


def read_item(path, label=None):
    data = load_json(path)
    if not isinstance(data, dict):
        raise ExportRefused(path, _("is geen JSON-object"))
    return RawItem(data, label or str(path))


class PloneExportImport(Export):
    @classmethod
    def open(cls, path):
        content = path / "content"
        metadata = load_json(content / "__metadata__.json")
        if not isinstance(metadata, dict) or not isinstance(metadata.get("_data_files_"), list):
            raise ExportRefused(content / "__metadata__.json", _("mist de lijst _data_files_"))
        export = cls(path=path, format="plone.exportimport", name=path.name)
        export.data_files = metadata["_data_files_"]
        export.count = len(export.data_files)
        export.ordering = metadata.get("ordering") or {}
        export.default_pages = {
            uid: {"uid": value.get("default_page_uuid"), "id": value.get("default_page")}
            for uid, value in (metadata.get("default_page") or {}).items()
            if isinstance(value, dict)
        }
        export.redirects = load_optional(path / "redirects.json", dict)
        export.translations = [
            [group.get("canonical"), *(group.get("translations") or {}).values()]
            for group in load_optional(path / "translations.json", list)
            if isinstance(group, dict)
        ]
        discussions = load_optional(path / "discussions.json", dict)
        principals = load_optional(path / "principals.json", dict)
        export.not_carried = NotCarried(
            comments=sum(
                len(thread.get("items") or []) for thread in discussions.values() if isinstance(thread, dict)
            ),
            portlets=sum(
                len(assignments)
                for entry in load_optional(path / "portlets.json", list)
                for assignments in (entry.get("portlets") or {}).values()
            ),
            users=len(principals.get("members") or []),
            groups=len(principals.get("groups") or []),
            relations=len(load_optional(path / "relations.json", list)),
            local_roles=len(metadata.get("local_roles") or {}),
        )
        return export

    def items(self):
        content = self.path / "content"
        for name in self.data_files:
            yield read_item(content / name, f"content/{name}")

    def blob_candidates(self, blob_path):
        return [self.path / "content" / blob_path]


class CollectiveExport(Export):
    """What both collective.exportimport layouts share: the side files and the old server's blobs."""

    def read_side_files(self, *folders):
        def side_file(name, expected_type):
            for folder in folders:
                if (folder / name).exists():
                    return load_optional(folder / name, expected_type)
            return expected_type()

        for entry in side_file("export_ordering.json", list):
            if isinstance(entry, dict) and entry.get("uuid") is not None:
                self.ordering[entry["uuid"]] = entry.get("order")
        for entry in side_file("export_defaultpages.json", list):
            if isinstance(entry, dict) and entry.get("uuid"):
                self.default_pages[entry["uuid"]] = {
                    "uid": entry.get("default_page_uuid"),
                    "id": entry.get("default_page"),
                }
        self.redirects = side_file("export_redirects.json", dict)
        self.translations = [
            list(group.values())
            for group in side_file("export_translations.json", list)
            if isinstance(group, dict)
        ]
        members = side_file("export_members.json", dict)
        self.not_carried = NotCarried(
            comments=sum(
                len((entry.get("conversation") or {}).get("items") or [])
                for entry in side_file("export_discussion.json", list)
                if isinstance(entry, dict)
            ),
            portlets=sum(
                len(assignments)
                for entry in side_file("export_portlets.json", list)
                if isinstance(entry, dict)
                for assignments in (entry.get("portlets") or {}).values()
            ),
            users=len(members.get("members") or []),
            groups=len(members.get("groups") or []),
            relations=len(side_file("export_relations.json", list)),
            local_roles=len(side_file("export_localroles.json", list)),
        )

    def blob_candidates(self, blob_path):
        # A path on the old server: as it is, or inside a copy of the blob storage next to the export.
        relative = blob_path.lstrip("/")
        return [Path(blob_path), self.folder / relative, self.folder / "blobstorage" / relative]


class CollectiveListExport(CollectiveExport):
    @classmethod
    def open(cls, path):
        export = cls(path=path, format="collective.exportimport", name=path.stem)
        export.folder = path.parent
        export.read_side_files(path.parent)
        with open(path, "rb") as file:
            start = file.read(CHUNK).lstrip()
        if not start.startswith(b"["):
            raise ExportRefused(path, _("is geen JSON-lijst van items"))
        return export

    def items(self):
        for number, data in enumerate(iter_json_array(self.path), start=1):
            if not isinstance(data, dict):
                raise ExportRefused(self.path, _("item %(number)d is geen JSON-object") % {"number": number})
            yield RawItem(data, _("%(file)s, item %(number)d") % {"file": self.path.name, "number": number})


class CollectiveFolderExport(CollectiveExport):
    @classmethod
    def open(cls, path):
        export = cls(path=path, format="collective.exportimport", name=path.name)
        export.folder = path
        export.files = numbered_files(path)
        export.count = len(export.files)
        export.read_side_files(path, path.parent)
        return export

    def items(self):
        for item_file in self.files:
            yield read_item(item_file, item_file.name)


NUMBERED = re.compile(r"^(\d+)\.json$")


def numbered_files(folder):
    """collective.exportimport's one-file-per-item layout: 1.json, 2.json, … in number order."""
    numbered = [(int(match[1]), path) for path in folder.iterdir() if (match := NUMBERED.match(path.name))]
    return [path for _number, path in sorted(numbered)]


def iter_json_array(path):
    """The values of the JSON list in `path`, parsed one by one as the file is read, so that a large
    export (blobs inline as base64) never has to be in memory whole."""
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as file:
        buffer, position, at_end = "", 0, False

        def fill(size=CHUNK):
            nonlocal buffer, position, at_end
            chunk = file.read(size)
            at_end = not chunk
            buffer = buffer[position:] + chunk
            position = 0

        def skip_space():
            nonlocal position
            while True:
                while position < len(buffer) and buffer[position].isspace():
                    position += 1
                if position < len(buffer) or at_end:
                    return
                fill()

        try:
            fill()
            skip_space()
            if buffer[position : position + 1] != "[":
                raise ExportRefused(path, _("is geen JSON-lijst van items"))
            position += 1
            skip_space()
            if buffer[position : position + 1] == "]":
                return
            while True:
                skip_space()
                read_size = CHUNK
                while True:
                    try:
                        value, end = decoder.raw_decode(buffer, position)
                        break
                    except json.JSONDecodeError as error:
                        if at_end:
                            raise ExportRefused(
                                path, _("geen geldige JSON (%(error)s)") % {"error": error.msg}
                            ) from error
                        fill(read_size)  # the value goes on past what was read: read more
                        read_size *= 2
                position = end
                yield value
                skip_space()
                separator = buffer[position : position + 1]
                position += 1
                if separator == "]":
                    return
                if separator != ",":
                    raise ExportRefused(path, _("geen geldige JSON (komma of ] verwacht)"))
        except UnicodeDecodeError as error:
            raise ExportRefused(path, _("is geen UTF-8-tekst")) from error
