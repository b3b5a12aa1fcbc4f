from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regions.importers.schools import FileRefused, SchoolImporter


class Command(BaseCommand):
    help = (
        "Import pro and vso schools from a DUO open-data 'vestigingen' CSV file (VO or (v)so). "
        "The region follows from GEMEENTENUMMER. Runs in one transaction; a re-import changes "
        "nothing. Rows with errors are reported and left out, the others imported; the exit "
        "status is then 1."
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
        if report.errors:
            raise CommandError(errors_message(report), returncode=1)


def report_lines(report):
    if report.windows_1252_lines:
        yield ngettext(
            "Gelezen als Windows-1252 (geen geldige UTF-8): regel %(lines)s",
            "Gelezen als Windows-1252 (geen geldige UTF-8): regels %(lines)s",
            len(report.windows_1252_lines),
        ) % {"lines": line_list(report.windows_1252_lines)}
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


def line_list(numbers, shown=20):
    """`2, 5, 9` or, for many lines, the first `shown` and how many more."""
    text = ", ".join(str(number) for number in numbers[:shown])
    if len(numbers) > shown:
        text += " " + _("en %(count)d meer") % {"count": len(numbers) - shown}
    return text


def errors_message(report):
    count = len(report.errors)
    if report.dry_run:
        message = ngettext(
            "Proefdraai: %(count)d rij met fouten zou niet worden geïmporteerd.",
            "Proefdraai: %(count)d rijen met fouten zouden niet worden geïmporteerd.",
            count,
        )
    else:
        message = ngettext(
            "%(count)d rij met fouten is niet geïmporteerd, de andere rijen wel.",
            "%(count)d rijen met fouten zijn niet geïmporteerd, de andere rijen wel.",
            count,
        )
    return message % {"count": count}
