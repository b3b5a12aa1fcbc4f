from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from knowledge.importers.articles import ArticleImporter, ImportRejected


class Command(BaseCommand):
    help = (
        "Import Kennisbank articles from a JSON Lines file, keyed by slug. Every line is checked "
        "first; when one is bad, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON Lines file, one article per line")
        parser.add_argument("--dry-run", action="store_true", help="check and report, but save nothing")

    def handle(self, *args, file, dry_run, **options):
        try:
            with open(file, encoding="utf-8") as lines:
                report = ArticleImporter().run(lines, dry_run=dry_run)
        except OSError as error:
            raise CommandError(
                _("Kan %(file)s niet lezen: %(error)s") % {"file": file, "error": error.strerror}
            ) from error
        except UnicodeDecodeError as error:
            raise CommandError(_("%(file)s is geen UTF-8-tekst.") % {"file": file}) from error
        except ImportRejected as rejected:
            for line_number, message in rejected.errors:
                if line_number is None:
                    raise CommandError(message) from rejected
                self.stderr.write(
                    _("Regel %(line)d: %(message)s") % {"line": line_number, "message": message}
                )
            lines_with_errors = len({line_number for line_number, _message in rejected.errors})
            raise CommandError(
                _("%(count)d regel(s) afgekeurd; er is niets geïmporteerd.") % {"count": lines_with_errors}
            ) from rejected

        self.stdout.write(
            _(
                "Artikelen: %(created)d nieuw, %(updated)d bijgewerkt, %(unchanged)d ongewijzigd; "
                "%(drafts)d als concept (%(unpublished)d gedepubliceerd)."
            )
            % vars(report)
        )
        if report.cleaned:
            self.stdout.write(
                _("HTML opgeschoond (niet toegestane opmaak verwijderd) op regel(s): %(lines)s")
                % {"lines": ", ".join(str(number) for number in report.cleaned)}
            )
        if dry_run:
            self.stdout.write(_("Proefdraai: er is niets opgeslagen."))
