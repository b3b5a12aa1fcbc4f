from dbbackup.storage import StorageError
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _
from wagtail import hooks

from core.backups import latest_backups
from core.hooks import AFTER_RESTORE


class Command(BaseCommand):
    help = (
        "Restore the newest database and media backup in BACKUP_DIR into an empty database and "
        "the media folder, without questions; then gather planner statistics (PostgreSQL), clear "
        "the cache and rebuild what lives outside the database (a search cluster's index)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Overwrite a database that already has tables, and media files that already exist.",
        )

    def handle(self, *args, replace, verbosity, **options):
        if connection.introspection.table_names() and not replace:
            raise CommandError(
                _(
                    "De database %(name)s bevat al tabellen. Zet een back-up terug in een lege "
                    "database, of geef --replace om de inhoud te overschrijven."
                )
                % {"name": connection.settings_dict["NAME"]}
            )
        try:
            database, media = latest_backups()
        except (StorageError, FileNotFoundError) as error:  # no backups, or no such folder
            message = _("Geen back-up van database en media gevonden in %(folder)s.")
            raise CommandError(message % {"folder": settings.BACKUP_DIR}) from error

        unattended = {"interactive": False, "verbosity": max(verbosity - 1, 0)}  # -v 2 shows dbbackup's steps
        call_command("dbrestore", input_filename=database, **unattended)
        call_command("mediarestore", input_filename=media, replace=replace, **unattended)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # pg_restore brings no statistics; the planner needs them
        for cache in caches.all():
            cache.clear()  # it holds what was served before the restore
        for rebuild in hooks.get_hooks(AFTER_RESTORE):
            rebuild(self.stdout)
        self.stdout.write(
            _("Teruggezet uit %(folder)s: database %(database)s, media %(media)s.")
            % {"folder": settings.BACKUP_DIR, "database": database, "media": media}
        )
