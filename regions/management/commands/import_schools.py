from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from regions.importers.schools import FileRefused, SchoolImporter


class Command(BaseCommand):
    help = (
        "Import pro and vso schools from a DUO open-data 'vestigingen' CSV file (VO or (v)so). "
        "The region follows from GEMEENTENUMMER. Runs in one transaction; a re-import changes "
        "nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="DUO vestigingen CSV file")
        parser.add_argument("--dry-run", action="store_true", help="check and report, but save nothing")

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, "rb") as handle:
                data = handle.read()
        except OSError as error:
            raise CommandError(
                _("Kan %(file)s niet lezen: %(error)s") % {"file": file, "error": error.strerror}
            ) from error
        try:
            report = SchoolImporter().run(data, dry_run=dry_run)
        except FileRefused as refused:
            raise CommandError(
                _("%(file)s is geweigerd, er is niets gewijzigd: %(reason)s")
                % {"file": file, "reason": refused}
            ) from refused
        for line in report_lines(report):
            self.stdout.write(line)


def report_lines(report):
    yield _("Rijen gelezen: %(read)d") % vars(report)
    yield _("Nieuw: %(created)d, bijgewerkt: %(updated)d, ongewijzigd: %(unchanged)d") % vars(report)
    yield _("Overgeslagen (geen pro of vso): %(skipped)d") % vars(report)
    yield _("Onbekende gemeente, niet geïmporteerd: %(count)d") % {"count": len(report.unmapped)}
    for location_number, municipality_number in report.unmapped:
        yield _("  vestiging %(location)s: gemeentenummer %(number)s") % {
            "location": location_number,
            "number": municipality_number,
        }
    yield _("Fouten: %(count)d") % {"count": len(report.errors)}
    for line_number, message in report.errors:
        yield _("  regel %(line)d: %(message)s") % {"line": line_number, "message": message}
    if report.dry_run:
        yield _("Proefdraai: er is niets opgeslagen.")
