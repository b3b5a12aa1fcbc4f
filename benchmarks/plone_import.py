"""Speed and memory of `manage.py import_plone` on a generated plone.exportimport export.

    .venv/bin/python benchmarks/plone_import.py                       # 10,000 items, 1,000 images, SQLite
    .venv/bin/python benchmarks/plone_import.py --items 2000 --images 200
    .venv/bin/python benchmarks/plone_import.py --database-url postgres://postgres:postgres@127.0.0.1:5432/vsopro_bench_plone

Builds a fresh database (migrations and the demo site, as `make run` does), writes an export of
--items items into a temporary folder (folders, pages with Volto blocks or HTML text full of links
to each other and to images, news items, events, files, links, --images images of their own; a
fifth of it private; default pages, positions and redirects in the metadata), imports it, then
imports it again (which must change nothing). Prints items per second of both runs (by the clock,
and per second of CPU time: on a shared machine the clock also counts other processes' turns) and
the process's peak memory (resident set size) before and after the import, and with --tracemalloc the
peak of Python's own allocations during the first import (slower). Never part of the test run.
"""

import argparse
import io
import json
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
import uuid
from pathlib import Path

from search_benchmark import recreate_database

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_DATABASE_URL = f"sqlite:///{ROOT / 'var' / 'bench-plone.sqlite3'}"
CREATED = "2019-03-04T10:00:00+00:00"
WORDS = (
    "stage werkgever leerling begeleiding praktijkonderwijs school regio netwerk baan werkplek "
    "doorstroom nazorg coach arbeidsmarkt vakmanschap ervaring afspraak overleg rooster"
).split()


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class ExportWriter:
    """Writes a plone.exportimport export item by item, parents before their children."""

    def __init__(self, folder, items, images, seed=13):
        self.content = Path(folder) / "content"
        self.content.mkdir(parents=True)
        self.random = random.Random(seed)
        self.items, self.images = items, images
        self.data_files, self.blob_files, self.ordering, self.default_pages = [], [], {}, {}
        self.paths = []  # (path, UID, type) of what was written, for links
        self.uids = {"/": "plone_site_root"}
        self.image_paths = []
        self.folders_with_documents = set()

    def uid(self):
        return uuid.UUID(int=self.random.getrandbits(128)).hex

    def words(self, count):
        return " ".join(self.random.choice(WORDS) for _ in range(count))

    def write(self):
        self.write_item(
            "plone_site_root",
            {
                "@id": "/Plone",
                "@type": "Plone Site",
                "UID": "plone_site_root",
                "id": "Plone",
                "title": "Archief",
            },
        )
        folders = max(1, self.items // 25)
        others = self.items - 1 - folders - self.images
        top = [self.folder("/", index) for index in range(max(1, int(folders**0.5)))]
        nested = [self.folder(self.random.choice(top), index) for index in range(len(top), folders)]
        all_folders = top + nested
        kinds = ["Document"] * 60 + ["News Item"] * 20 + ["Event"] * 15 + ["Link"] * 3 + ["File"] * 2
        written_images = 0
        for index in range(others + self.images):
            parent = all_folders[index % len(all_folders)]
            if written_images < self.images and index % max(1, (others + self.images) // self.images) == 0:
                self.image(parent, index)
                written_images += 1
            else:
                self.child(parent, self.random.choice(kinds), index)
        metadata = {
            "__version__": "1.0.0",
            "_blob_files_": self.blob_files,
            "_data_files_": self.data_files,
            "default_page": self.default_pages,
            "ordering": self.ordering,
            "local_roles": {},
        }
        (self.content / "__metadata__.json").write_text(json.dumps(metadata))
        documents = [path for path, _uid, kind in self.paths if kind == "Document"]
        redirects = {
            f"/Plone/oud/{index}": f"/Plone{documents[index]}" for index in range(min(200, len(documents)))
        }
        (self.content.parent / "redirects.json").write_text(json.dumps(redirects))
        for name, empty in (("translations", []), ("relations", []), ("discussions", {}), ("portlets", [])):
            (self.content.parent / f"{name}.json").write_text(json.dumps(empty))
        return len(self.data_files)

    def base(self, parent_path, portal_type, index, title):
        own_id = f"{portal_type.split()[0].lower()}-{index}"
        path = f"{parent_path.rstrip('/')}/{own_id}"
        state = "private" if self.random.random() < 0.2 else "published"
        return {
            "@id": path,
            "@type": portal_type,
            "UID": self.uid(),
            "id": own_id,
            "title": title,
            "description": self.words(12),
            "review_state": state,
            "created": CREATED,
            "modified": CREATED,
            "effective": CREATED if state == "published" else None,
            "expires": None,
            "language": "##DEFAULT##",
            "subjects": [self.random.choice(WORDS)],
            "exclude_from_nav": False,
            "creators": ["admin"],
            "parent": {"@id": parent_path, "UID": self.uid_of(parent_path)},
        }

    def uid_of(self, path):
        return self.uids[path]

    def folder(self, parent_path, index):
        data = self.base(parent_path, "Folder", index, f"Map {index}")
        self.write_item(data["UID"], data)
        return data["@id"]

    def image(self, parent_path, index):
        from PIL import Image

        data = self.base(parent_path, "Image", index, f"Foto {index}")
        data["@id"] += ".png"
        data["id"] += ".png"
        data["review_state"] = None
        buffer = io.BytesIO()
        Image.new("RGB", (48, 32), (index % 256, index // 256 % 256, 90)).save(buffer, format="PNG")
        self.blob(data, "image", f"foto-{index}.png", buffer.getvalue())
        self.image_paths.append(data["@id"])

    def child(self, parent_path, portal_type, index):
        data = self.base(parent_path, portal_type, index, f"{portal_type} {index}: {self.words(4)}")
        if portal_type == "File":
            data["review_state"] = None
            self.blob(data, "file", f"verslag-{index}.pdf", b"%PDF-1.4 verslag " + str(index).encode())
            return
        if portal_type == "Link":
            data["remoteUrl"] = "https://www.example.nl/" + data["id"]
        elif index % 2:
            data["blocks"], data["blocks_layout"] = self.volto_blocks(index)
        else:
            data["text"] = {"data": self.html(index), "content-type": "text/html", "encoding": "utf-8"}
        if portal_type == "Event":
            data.update(
                {
                    "start": "2025-05-01T09:00:00+00:00",
                    "end": "2025-05-01T12:00:00+00:00",
                    "location": "Utrecht",
                }
            )
        if portal_type == "Document" and parent_path not in self.folders_with_documents:
            self.folders_with_documents.add(parent_path)
            if index % 5 == 0:
                folder_uid = self.uid_of(parent_path)
                self.default_pages[folder_uid] = {
                    "default_page": data["id"],
                    "default_page_uuid": data["UID"],
                }
        self.write_item(data["UID"], data)

    def linked_page(self):
        pages = [(path, uid) for path, uid, kind in self.paths[-200:] if kind in ("Document", "News Item")]
        return self.random.choice(pages) if pages else ("/", "plone_site_root")

    def html(self, index):
        path, uid = self.linked_page()
        image = f'<p><img src="../resolveuid/{self.image_uid()}/@@images/image/preview" alt="Foto"></p>'
        return (
            f'<h2>{self.words(3)}</h2><p>{self.words(40)} <a href="resolveuid/{uid}">{self.words(2)}</a>.</p>'
            f"<ul><li>{self.words(6)}</li><li>{self.words(6)}</li></ul>{image if self.image_paths else ''}"
            f"<p><strong>{self.words(5)}</strong> {self.words(30)}</p>"
        )

    def image_uid(self):
        path = self.random.choice(self.image_paths)
        return self.uid_of(path)

    def volto_blocks(self, index):
        path, _uid = self.linked_page()
        blocks = {
            "title": {"@type": "title"},
            "intro": slate([{"text": self.words(30) + " "}, link(path, self.words(2)), {"text": "."}]),
            "heading": slate([{"text": self.words(3)}], "h2"),
            "list": {
                "@type": "slate",
                "value": [
                    {"type": "ul", "children": [{"type": "li", "children": [{"text": self.words(5)}]}] * 3}
                ],
            },
        }
        if self.image_paths:
            blocks["image"] = {"@type": "image", "url": self.random.choice(self.image_paths), "alt": "Foto"}
        if index % 10 == 1:
            cell = {"type": "data", "value": [{"type": "p", "children": [{"text": "12"}]}]}
            header = {"type": "header", "value": [{"type": "p", "children": [{"text": "Regio"}]}]}
            blocks["table"] = {
                "@type": "slateTable",
                "table": {"rows": [{"cells": [header] * 3}, {"cells": [cell] * 3}]},
            }
        return blocks, {"items": list(blocks)}

    def blob(self, data, field_name, filename, content):
        relative = f"{data['UID']}/{field_name}/{filename}"
        (self.content / data["UID"] / field_name).mkdir(parents=True)
        (self.content / relative).write_bytes(content)
        data[field_name] = {
            "blob_path": relative,
            "filename": filename,
            "content-type": "application/octet-stream",
        }
        self.blob_files.append(relative)
        self.write_item(data["UID"], data)

    def write_item(self, name, data):
        folder = self.content / name
        folder.mkdir(exist_ok=True)
        (folder / "data.json").write_text(json.dumps(data))
        self.data_files.append(f"{name}/data.json")
        if name != "plone_site_root":
            self.ordering[data["UID"]] = len(self.ordering)
            self.paths.append((data["@id"], data["UID"], data["@type"]))
            self.uids[data["@id"]] = data["UID"]


def slate(children, element="p"):
    return {"@type": "slate", "value": [{"type": element, "children": children}]}


def link(path, text):
    return {"type": "link", "data": {"url": path}, "children": [{"text": text}]}


def setup(database_url, media_root, cache_dir):
    if database_url.startswith("sqlite:///"):
        Path(database_url.removeprefix("sqlite:///")).unlink(missing_ok=True)
    else:
        recreate_database(database_url)
    os.environ["DATABASE_URL"] = database_url
    os.environ["MEDIA_ROOT"] = media_root
    os.environ["PAGE_CACHE_DIR"] = cache_dir  # the page cache's files, not the site's own
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)


def timed_import(folder, use_tracemalloc=False):
    from knowledge.importers.plone import PloneImporter, open_export
    from knowledge.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="nl")
    if use_tracemalloc:
        tracemalloc.start()
    started, cpu_started = time.perf_counter(), time.process_time()
    report = PloneImporter(open_export(folder), home).run()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    traced_peak = tracemalloc.get_traced_memory()[1] / 2**20 if use_tracemalloc else None
    if use_tracemalloc:
        tracemalloc.stop()
    return report, elapsed, cpu, traced_peak


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--images", type=int, default=1_000)
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--tracemalloc", action="store_true", help="also trace Python's allocations (slower)")
    options = parser.parse_args()
    with (
        tempfile.TemporaryDirectory() as export_folder,
        tempfile.TemporaryDirectory() as media_root,
        tempfile.TemporaryDirectory() as cache_dir,
    ):
        setup(options.database_url, media_root, cache_dir)
        count = ExportWriter(export_folder, options.items, options.images).write()
        before = peak_rss_mb()
        print(
            f"export: {count} items ({options.images} images); peak memory before the import {before:.0f} MB"
        )
        for label in ("first import", "second import"):
            report, elapsed, cpu, traced = timed_import(
                export_folder, options.tracemalloc and label == "first import"
            )
            changed = "changed something" if report.changed() else "changed nothing"
            print(
                f"{label}: {elapsed:.1f} s, {count / elapsed:.0f} items/s; "
                f"{cpu:.1f} s of CPU, {count / cpu:.0f} items per CPU second; {changed}"
            )
            if traced is not None:
                print(f"  peak of Python allocations during the import: {traced:.0f} MB")
        print(f"peak memory (resident) after both imports: {peak_rss_mb():.0f} MB")
        print("\n".join(line for line in report.lines() if not line.startswith("  /")))


if __name__ == "__main__":
    main()
