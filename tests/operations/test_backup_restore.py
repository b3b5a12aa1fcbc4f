"""A backup restores the site: the demo with images, documents, drafts and revisions is backed up
with `manage.py backup_site`, and `manage.py restore_site` puts it back into an empty database and
an empty media folder. The restored site serves the same pages, documents and images, holds the same
files byte for byte and the same revisions. Every command runs in a process of its own, as an
operator runs it, on SQLite or on PostgreSQL (a second database on the suite's server) as the suite
does."""

import json
from pathlib import Path

from .services import manage, site_environment


def snapshot(environment, path):
    code = f"from tests.operations.site_content import write_snapshot; write_snapshot({str(path)!r})"
    manage(environment, "shell", "-c", code)
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_newest_backup_restores_into_an_empty_database_and_media_folder(demo_site, databases, tmp_path):
    backups = Path(demo_site["BACKUP_DIR"])
    backups.mkdir()
    for night in ("2020-01-01", "2020-01-02"):  # two earlier nights; with BACKUP_KEEP=2 the older goes
        (backups / f"default-oldserver-{night}-030000.dump").write_bytes(b"an earlier night")
        (backups / f"oldserver-{night}-030000.tar").write_bytes(b"an earlier night")
    source = snapshot(demo_site, tmp_path / "source.json")

    backup = manage({**demo_site, "BACKUP_KEEP": "2"}, "backup_site")
    restored_site = site_environment(databases.new("restored"), tmp_path, BACKUP_DIR=demo_site["BACKUP_DIR"])
    restore = manage(restored_site, "restore_site")
    restored = snapshot(restored_site, tmp_path / "restored.json")

    assert "Back-up in" in backup.stdout and "Teruggezet uit" in restore.stdout
    assert sorted(path.name for path in backups.iterdir() if "oldserver" in path.name) == [
        "default-oldserver-2020-01-02-030000.dump",
        "oldserver-2020-01-02-030000.tar",
    ]
    # What there was to restore: live pages, private ones, drafts, revisions, uploads and renditions.
    statuses = [status for status, _html in source["pages"].values()]
    assert statuses.count(200) > 90 and set(statuses) == {200, 302}
    titles = {content["title"] for _model, _id, content in source["revisions"]}
    assert {"Stage in de haven", "Stages in de Rotterdamse haven", "Nog niet gepubliceerd"} <= titles
    assert any(title.endswith("(herzien)") for title in titles)
    assert {path.split("/")[0] for path in source["files"]} == {"documents", "original_images", "images"}
    assert {status for status, _digest in source["served"].values()} == {200}

    for url, page in source["pages"].items():
        assert restored["pages"].get(url) == page, url
    assert restored["pages"].keys() == source["pages"].keys()
    assert restored["served"] == source["served"]
    assert restored["files"] == source["files"]
    assert len(restored["revisions"]) == len(source["revisions"])
    assert restored["revisions"] == source["revisions"]

    # Now the database has tables: a second restore is refused unless asked to overwrite.
    refused = manage(restored_site, "restore_site", check=False)
    assert refused.returncode == 1
    assert "bevat al tabellen" in refused.stderr and "--replace" in refused.stderr
    assert "Teruggezet uit" in manage(restored_site, "restore_site", "--replace").stdout


def test_a_restore_without_backups_says_where_it_looked(databases, tmp_path):
    empty_site = site_environment(databases.new("empty"), tmp_path, BACKUP_DIR=str(tmp_path / "elsewhere"))

    refused = manage(empty_site, "restore_site", check=False)

    assert refused.returncode == 1
    assert f"Geen back-up van database en media gevonden in {tmp_path / 'elsewhere'}" in refused.stderr
