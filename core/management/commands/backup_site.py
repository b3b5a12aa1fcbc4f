from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from core.backups import latest_backups


class Command(BaseCommand):
    help = (
        "Back up the database and the media files to BACKUP_DIR (django-dbbackup's dbbackup and "
        "mediabackup), then delete all but the newest BACKUP_KEEP backups of each."
    )

    def handle(self, *args, verbosity, **options):
        media_storage = storages["default"]
        if isinstance(media_storage, FileSystemStorage):
            Path(media_storage.location).mkdir(
                parents=True, exist_ok=True
            )  # none yet on a site without uploads
        for command in ("dbbackup", "mediabackup"):
            call_command(command, clean=True, interactive=False, verbosity=max(verbosity - 1, 0))
        database, media = latest_backups()
        self.stdout.write(
            _("Back-up in %(folder)s: database %(database)s, media %(media)s.")
            % {"folder": settings.BACKUP_DIR, "database": database, "media": media}
        )
