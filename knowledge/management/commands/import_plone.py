import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Site

from knowledge.importers.plone import ExportRefused, ImportRefusedError, PloneImporter, open_export


class Command(BaseCommand):
    help = (
        "Import a Plone site from a plone.exportimport folder or a collective.exportimport export "
        "(a JSON list, or a folder of N.json files): pages in Plone's tree, images, documents, 301 "
        "redirects from the old addresses, translations. Keyed by export name and UID: a second "
        "run changes only what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="the export: a folder, or a JSON file of collective.exportimport")
        parser.add_argument("--dry-run", action="store_true", help="import, report and roll everything back")
        parser.add_argument(
            "--parent",
            default="/",
            help="address of the page the Plone site goes under (default /: the home page)",
        )
        parser.add_argument(
            "--name",
            help="the export's name, which keys its items (default: the folder's or file's name); "
            "give the same name to import a newer export of the same site over an earlier one",
        )

    def handle(self, *args, export, dry_run, parent, name, **options):
        parent_page = page_at(parent)
        progress = Progress(self.stderr) if self.stderr.isatty() else None
        try:
            plone_export = open_export(export)
            report = PloneImporter(plone_export, parent_page, export_key=name, progress=progress).run(dry_run)
        except ExportRefused as refused:
            raise CommandError(
                _("%(file)s: %(reason)s. Er is niets geïmporteerd.")
                % {"file": refused.file, "reason": refused.reason}
            ) from refused
        except ImportRefusedError as refused:
            raise CommandError(str(refused)) from refused
        finally:
            if progress:
                progress.done()
        for line in report.lines():
            self.stdout.write(line)


def page_at(address):
    """The page at `address` on the default site ("/" is its home page)."""
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    if site is None:
        raise CommandError(_("Er is nog geen site; maak eerst de paginastructuur (manage.py seed_demo)."))
    page = site.root_page
    for slug in [part for part in address.split("/") if part]:
        page = page.get_children().filter(slug=slug).first()
        if page is None:
            raise CommandError(_("Er is geen pagina op %(address)s.") % {"address": address})
    return page


class Progress:
    """A progress line on a terminal, redrawn at most five times a second."""

    def __init__(self, stream):
        self.stream = stream
        self.shown_at = 0.0
        self.stage = None

    def __call__(self, stage, done, total):
        now = time.monotonic()
        if stage != self.stage:
            if self.stage is not None:
                self.stream.write("")
            self.stage, self.started = stage, now
        if now - self.shown_at < 0.2 and done != total:
            return
        self.shown_at = now
        rate = done / max(now - self.started, 1e-6)
        count = f"{done}/{total}" if total else str(done)
        self.stream.write(f"\r{stage}: {count} items ({rate:.0f}/s)   ", ending="")
        self.stream.flush()

    def done(self):
        self.stream.write("")
